package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** FAQ entries with their extra phrasings in a child table (removed with the entry by the foreign key). */
final class JdbcFaqStore implements FaqStore {
    private static final String INSERT_ENTRY = """
            INSERT INTO faq_entry (platform, chat_id, question, answer)
            VALUES (?, ?, ?, ?)
            RETURNING id""";
    // Inserts nothing when the entry is missing or belongs to another chat.
    private static final String INSERT_PHRASING = """
            INSERT INTO faq_phrasing (entry_id, phrasing)
            SELECT id, ? FROM faq_entry WHERE id = ? AND platform = ? AND chat_id = ?""";
    private static final String DELETE_ENTRY = "DELETE FROM faq_entry WHERE id = ? AND platform = ? AND chat_id = ?";
    private static final String LIST = """
            SELECT e.id, e.question, e.answer, p.phrasing
            FROM faq_entry e
            LEFT JOIN faq_phrasing p ON p.entry_id = e.id
            WHERE e.platform = ? AND e.chat_id = ?
            ORDER BY e.id ASC, p.id ASC""";

    private final Transactions transactions;

    private JdbcFaqStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcFaqStore create(Transactions transactions) {
        return new JdbcFaqStore(transactions);
    }

    @Override
    public FaqEntry add(ChatRef chat, String question, String answer) {
        long id = transactions.write("add FAQ entry", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
                insert.setString(1, chat.platform());
                insert.setString(2, chat.chatId());
                insert.setString(3, question);
                insert.setString(4, answer);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        return new FaqEntry(id, question, List.of(), answer);
    }

    @Override
    public boolean addPhrasing(ChatRef chat, long entryId, String phrasing) {
        return transactions.write("add FAQ phrasing", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_PHRASING)) {
                insert.setString(1, phrasing);
                insert.setLong(2, entryId);
                insert.setString(3, chat.platform());
                insert.setString(4, chat.chatId());
                return insert.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(ChatRef chat, long entryId) {
        return transactions.write("delete FAQ entry", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_ENTRY)) {
                delete.setLong(1, entryId);
                delete.setString(2, chat.platform());
                delete.setString(3, chat.chatId());
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<FaqEntry> list(ChatRef chat) {
        return transactions.read("list FAQ entries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(LIST)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                List<FaqEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    long currentId = 0;
                    String question = "";
                    String answer = "";
                    List<String> phrasings = new ArrayList<>();
                    boolean any = false;
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        if (!any || id != currentId) {
                            if (any) {
                                entries.add(new FaqEntry(currentId, question, phrasings, answer));
                            }
                            any = true;
                            currentId = id;
                            question = rows.getString(2);
                            answer = rows.getString(3);
                            phrasings = new ArrayList<>();
                        }
                        String phrasing = rows.getString(4);
                        if (phrasing != null) {
                            phrasings.add(phrasing);
                        }
                    }
                    if (any) {
                        entries.add(new FaqEntry(currentId, question, phrasings, answer));
                    }
                }
                return List.copyOf(entries);
            }
        });
    }
}
