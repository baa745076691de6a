package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The queue as rows; adding trims the chat's oldest rows beyond the limit in the same transaction. */
final class JdbcUnansweredStore implements UnansweredStore {
    private static final String COLUMNS = "id, text, asker_id, asker_name, message_id, asked_at";
    private static final String INSERT = """
            INSERT INTO unanswered_question (platform, chat_id, text, asker_id, asker_name, message_id, asked_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String TRIM = """
            DELETE FROM unanswered_question
            WHERE platform = ? AND chat_id = ? AND id NOT IN (
                SELECT id FROM unanswered_question WHERE platform = ? AND chat_id = ?
                ORDER BY id DESC LIMIT ?)""";
    private static final String NEWEST = "SELECT " + COLUMNS + """
             FROM unanswered_question WHERE platform = ? AND chat_id = ?
            ORDER BY id DESC LIMIT ?""";
    private static final String FIND = "SELECT " + COLUMNS
            + " FROM unanswered_question WHERE platform = ? AND chat_id = ? AND id = ?";
    private static final String FIND_BY_MESSAGE = "SELECT " + COLUMNS + """
             FROM unanswered_question WHERE platform = ? AND chat_id = ? AND message_id = ?
            ORDER BY id DESC LIMIT 1""";
    private static final String DELETE = "DELETE FROM unanswered_question WHERE platform = ? AND chat_id = ? AND id = ?";

    private final Transactions transactions;

    private JdbcUnansweredStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcUnansweredStore create(Transactions transactions) {
        return new JdbcUnansweredStore(transactions);
    }

    /** A question to queue. */
    record Asked(ChatRef chat, String text, String askerId, String askerName, String messageId, Instant at) {}

    @Override
    public void add(ChatRef chat, String text, String askerId, String askerName, String messageId, Instant at) {
        addAll(List.of(new Asked(chat, text, askerId, askerName, messageId, at)));
    }

    /** Queues the questions in order in one transaction, then trims each chat they were asked in once. */
    void addAll(List<Asked> questions) {
        transactions.write("queue unanswered questions", connection -> {
            Set<ChatRef> chats = new LinkedHashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Asked asked : questions) {
                    insert.setString(1, asked.chat().platform());
                    insert.setString(2, asked.chat().chatId());
                    insert.setString(3, asked.text());
                    insert.setString(4, asked.askerId());
                    insert.setString(5, asked.askerName());
                    insert.setString(6, asked.messageId());
                    insert.setLong(7, asked.at().toEpochMilli());
                    insert.addBatch();
                    chats.add(asked.chat());
                }
                insert.executeBatch();
            }
            try (PreparedStatement trim = connection.prepareStatement(TRIM)) {
                for (ChatRef chat : chats) {
                    trim.setString(1, chat.platform());
                    trim.setString(2, chat.chatId());
                    trim.setString(3, chat.platform());
                    trim.setString(4, chat.chatId());
                    trim.setInt(5, KEPT_PER_CHAT);
                    trim.addBatch();
                }
                trim.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<UnansweredQuestion> newest(ChatRef chat, int limit) {
        return transactions.read("list unanswered questions", connection -> {
            try (PreparedStatement select = connection.prepareStatement(NEWEST)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setInt(3, limit);
                return rows(select);
            }
        });
    }

    @Override
    public Optional<UnansweredQuestion> find(ChatRef chat, long id) {
        return transactions.read("find unanswered question", connection -> {
            try (PreparedStatement select = connection.prepareStatement(FIND)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setLong(3, id);
                return rows(select).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<UnansweredQuestion> findByMessage(ChatRef chat, String messageId) {
        return transactions.read("find unanswered question by message", connection -> {
            try (PreparedStatement select = connection.prepareStatement(FIND_BY_MESSAGE)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setString(3, messageId);
                return rows(select).stream().findFirst();
            }
        });
    }

    @Override
    public boolean remove(ChatRef chat, long id) {
        return transactions.write("remove unanswered question", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, chat.platform());
                delete.setString(2, chat.chatId());
                delete.setLong(3, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static List<UnansweredQuestion> rows(PreparedStatement select) throws SQLException {
        List<UnansweredQuestion> questions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                questions.add(new UnansweredQuestion(rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), Instant.ofEpochMilli(rows.getLong(6))));
            }
        }
        return List.copyOf(questions);
    }
}
