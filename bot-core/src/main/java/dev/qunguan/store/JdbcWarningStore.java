package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Warnings as rows with generated ids; "active" is simply issued at or after a moment. */
final class JdbcWarningStore implements WarningStore {
    private static final String INSERT = """
            INSERT INTO warning (platform, chat_id, user_id, reason, issued_by, issued_at, source_key)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, chat_id, user_id, source_key) DO NOTHING
            RETURNING id""";
    private static final String EARLIER = """
            SELECT id, reason, issued_by, issued_at FROM warning
            WHERE platform = ? AND chat_id = ? AND user_id = ? AND source_key = ?""";
    private static final String ACTIVE = """
            SELECT id, reason, issued_by, issued_at FROM warning
            WHERE platform = ? AND chat_id = ? AND user_id = ? AND issued_at >= ?
            ORDER BY issued_at ASC, id ASC""";
    private static final String DELETE_LATEST = """
            DELETE FROM warning WHERE id = (
                SELECT id FROM warning
                WHERE platform = ? AND chat_id = ? AND user_id = ? AND issued_at >= ?
                ORDER BY issued_at DESC, id DESC
                LIMIT 1)""";

    private final Transactions transactions;

    private JdbcWarningStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcWarningStore create(Transactions transactions) {
        return new JdbcWarningStore(transactions);
    }

    @Override
    public Warning add(ChatRef chat, String userId, String reason, String issuedBy, Instant at, String sourceKey) {
        long millis = at.toEpochMilli();
        return transactions.write("add warning", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, chat.platform());
                insert.setString(2, chat.chatId());
                insert.setString(3, userId);
                insert.setString(4, reason);
                insert.setString(5, issuedBy);
                insert.setLong(6, millis);
                insert.setString(7, sourceKey);
                try (ResultSet row = insert.executeQuery()) {
                    if (row.next()) {
                        // Report the instant as it will read back: stored to the millisecond.
                        return new Warning(row.getLong(1), userId, reason, issuedBy, Instant.ofEpochMilli(millis));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(EARLIER)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setString(3, userId);
                select.setString(4, sourceKey);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new Warning(row.getLong(1), userId, row.getString(2), row.getString(3),
                            Instant.ofEpochMilli(row.getLong(4)));
                }
            }
        });
    }

    @Override
    public List<Warning> active(ChatRef chat, String userId, Instant since) {
        return transactions.read("active warnings", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ACTIVE)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setString(3, userId);
                select.setLong(4, since.toEpochMilli());
                List<Warning> warnings = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        warnings.add(new Warning(rows.getLong(1), userId, rows.getString(2), rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4))));
                    }
                }
                return List.copyOf(warnings);
            }
        });
    }

    @Override
    public boolean removeLatest(ChatRef chat, String userId, Instant since) {
        return transactions.write("remove latest warning", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_LATEST)) {
                delete.setString(1, chat.platform());
                delete.setString(2, chat.chatId());
                delete.setString(3, userId);
                delete.setLong(4, since.toEpochMilli());
                return delete.executeUpdate() > 0;
            }
        });
    }
}
