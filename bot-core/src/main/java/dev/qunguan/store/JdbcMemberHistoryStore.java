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
    // A change, not a count, so writers sharing the database add up. The first-seen time of an existing
    // row stays: it is the earliest anyone saw.
    private static final String APPLY = """
            INSERT INTO member_history (platform, chat_id, user_id, first_seen_at, clean_messages)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (platform, chat_id, user_id)
            DO UPDATE SET clean_messages = CASE WHEN ? = 1 THEN excluded.clean_messages
                ELSE member_history.clean_messages + excluded.clean_messages END""";

    /**
     * A change of one member's history: start again from zero first ({@code reset}), then add
     * {@code clean} clean messages; a new row starts at {@code firstSeen}.
     */
    record Delta(Instant firstSeen, boolean reset, int clean) {}

    private final Transactions transactions;

    private JdbcMemberHistoryStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcMemberHistoryStore create(Transactions transactions) {
        return new JdbcMemberHistoryStore(transactions);
    }

    @Override
    public Optional<MemberHistory> find(ChatRef chat, String userId) {
        return transactions.lookup("find member history", FIND, select -> {
            select.setString(1, chat.platform());
            select.setString(2, chat.chatId());
            select.setString(3, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MemberHistory(Instant.ofEpochMilli(row.getLong(1)), row.getInt(2)));
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

    /** Applies the given changes in one transaction. */
    void applyAll(Map<ChatMember, Delta> changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.write("save member histories", connection -> {
            try (PreparedStatement save = connection.prepareStatement(APPLY)) {
                for (Map.Entry<ChatMember, Delta> entry : changes.entrySet()) {
                    ChatMember member = entry.getKey();
                    Delta delta = entry.getValue();
                    save.setString(1, member.chat().platform());
                    save.setString(2, member.chat().chatId());
                    save.setString(3, member.userId());
                    save.setLong(4, delta.firstSeen().toEpochMilli());
                    save.setInt(5, delta.clean());
                    save.setInt(6, delta.reset() ? 1 : 0);
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
