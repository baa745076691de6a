package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.time.Instant;

/** Chat marks as rows whose key makes setting a mark twice a no-op. */
final class JdbcChatMarks implements ChatMarks {
    private static final String INSERT = """
            INSERT INTO chat_mark (platform, chat_id, mark, marked_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final Transactions transactions;

    private JdbcChatMarks(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcChatMarks create(Transactions transactions) {
        return new JdbcChatMarks(transactions);
    }

    @Override
    public boolean markOnce(ChatRef chat, String mark, Instant at) {
        return transactions.write("mark chat", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, chat.platform());
                insert.setString(2, chat.chatId());
                insert.setString(3, mark);
                insert.setLong(4, at.toEpochMilli());
                return insert.executeUpdate() > 0;
            }
        });
    }
}
