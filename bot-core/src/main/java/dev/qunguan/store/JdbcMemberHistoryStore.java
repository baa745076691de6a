package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One row per chat and member, upserted on every moderated message. */
final class JdbcMemberHistoryStore implements MemberHistoryStore {
    private static final String FIND = """
            SELECT first_seen_at, clean_messages FROM member_history
            WHERE platform = ? AND chat_id = ? AND user_id = ?""";
    private static final String CLEAN = """
            INSERT INTO member_history (platform, chat_id, user_id, first_seen_at, clean_messages)
            VALUES (?, ?, ?, ?, 1)
            ON CONFLICT (platform, chat_id, user_id)
            DO UPDATE SET clean_messages = member_history.clean_messages + 1""";
    private static final String VIOLATION = """
            INSERT INTO member_history (platform, chat_id, user_id, first_seen_at, clean_messages)
            VALUES (?, ?, ?, ?, 0)
            ON CONFLICT (platform, chat_id, user_id)
            DO UPDATE SET clean_messages = 0""";
    // The first-seen time of an existing row stays: the caller's state was read from it.
    private static final String SAVE = """
            INSERT INTO member_history (platform, chat_id, user_id, first_seen_at, clean_messages)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (platform, chat_id, user_id)
            DO UPDATE SET clean_messages = excluded.clean_messages""";

    private final Transactions transactions;

    private JdbcMemberHistoryStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcMemberHistoryStore create(Transactions transactions) {
        return new JdbcMemberHistoryStore(transactions);
    }

    @Override
    public Optional<MemberHistory> find(ChatRef chat, String userId) {
        return transactions.read("find member history", connection -> {
            try (PreparedStatement select = connection.prepareStatement(FIND)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setString(3, userId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new MemberHistory(Instant.ofEpochMilli(row.getLong(1)), row.getInt(2)));
                }
            }
        });
    }

    @Override
    public void recordClean(ChatRef chat, String userId, Instant at) {
        upsert("record clean message", CLEAN, chat, userId, at);
    }

    @Override
    public void recordViolation(ChatRef chat, String userId, Instant at) {
        upsert("record violation", VIOLATION, chat, userId, at);
    }

    /** Writes the given current histories in one transaction, replacing each member's clean count. */
    void saveAll(Map<ChatMember, MemberHistory> histories) {
        transactions.write("save member histories", connection -> {
            try (PreparedStatement save = connection.prepareStatement(SAVE)) {
                for (Map.Entry<ChatMember, MemberHistory> entry : histories.entrySet()) {
                    ChatMember member = entry.getKey();
                    save.setString(1, member.chat().platform());
                    save.setString(2, member.chat().chatId());
                    save.setString(3, member.userId());
                    save.setLong(4, entry.getValue().firstSeen().toEpochMilli());
                    save.setInt(5, entry.getValue().cleanMessages());
                    save.addBatch();
                }
                save.executeBatch();
                return null;
            }
        });
    }

    private void upsert(String operation, String sql, ChatRef chat, String userId, Instant at) {
        transactions.write(operation, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                upsert.setString(1, chat.platform());
                upsert.setString(2, chat.chatId());
                upsert.setString(3, userId);
                upsert.setLong(4, at.toEpochMilli());
                return upsert.executeUpdate();
            }
        });
    }
}
