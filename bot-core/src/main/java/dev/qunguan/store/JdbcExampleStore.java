package dev.qunguan.store;

import dev.qunguan.classify.Label;
import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Examples as rows; the label is stored by its wire name. */
final class JdbcExampleStore implements ExampleStore {
    private static final String INSERT = """
            INSERT INTO labelled_example (platform, chat_id, text, label, added_by, added_at)
            VALUES (?, ?, ?, ?, ?, ?)
            RETURNING id""";
    private static final String ALL = """
            SELECT id, platform, chat_id, text, label, added_by, added_at FROM labelled_example
            ORDER BY id ASC""";

    private final Transactions transactions;

    private JdbcExampleStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcExampleStore create(Transactions transactions) {
        return new JdbcExampleStore(transactions);
    }

    @Override
    public LabelledExample add(ChatRef chat, String text, Label label, String addedBy, Instant at) {
        long millis = at.toEpochMilli();
        long id = transactions.write("add labelled example", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, chat.platform());
                insert.setString(2, chat.chatId());
                insert.setString(3, text);
                insert.setString(4, label.wireName());
                insert.setString(5, addedBy);
                insert.setLong(6, millis);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        return new LabelledExample(id, chat, text, label, addedBy, Instant.ofEpochMilli(millis));
    }

    @Override
    public List<LabelledExample> all() {
        return transactions.read("list labelled examples", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ALL)) {
                List<LabelledExample> examples = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        examples.add(new LabelledExample(rows.getLong(1), ChatRef.of(rows.getString(2), rows.getString(3)),
                                rows.getString(4), Label.valueOf(rows.getString(5).toUpperCase(Locale.ROOT)),
                                rows.getString(6), Instant.ofEpochMilli(rows.getLong(7))));
                    }
                }
                return List.copyOf(examples);
            }
        });
    }
}
