package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Script overrides keyed by chat and script key; a second put replaces the template. */
final class JdbcScriptOverrideStore implements ScriptOverrideStore {
    private static final String ALL = """
            SELECT script_key, template FROM script_override
            WHERE platform = ? AND chat_id = ?
            ORDER BY script_key""";
    private static final String UPSERT = """
            INSERT INTO script_override (platform, chat_id, script_key, template)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (platform, chat_id, script_key) DO UPDATE SET template = excluded.template""";
    private static final String DELETE = """
            DELETE FROM script_override WHERE platform = ? AND chat_id = ? AND script_key = ?""";

    private final Transactions transactions;

    private JdbcScriptOverrideStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcScriptOverrideStore create(Transactions transactions) {
        return new JdbcScriptOverrideStore(transactions);
    }

    @Override
    public Map<String, String> all(ChatRef chat) {
        return transactions.read("list script overrides", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ALL)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                Map<String, String> overrides = new LinkedHashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        overrides.put(rows.getString(1), rows.getString(2));
                    }
                }
                return Map.copyOf(overrides);
            }
        });
    }

    @Override
    public void put(ChatRef chat, String key, String template) {
        transactions.write("put script override", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, chat.platform());
                upsert.setString(2, chat.chatId());
                upsert.setString(3, key);
                upsert.setString(4, template);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(ChatRef chat, String key) {
        return transactions.write("remove script override", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, chat.platform());
                delete.setString(2, chat.chatId());
                delete.setString(3, key);
                return delete.executeUpdate() > 0;
            }
        });
    }
}
