package dev.qunguan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Every stored record as plain maps, one per row, each with a {@code type} — for backups, data
 * portability and checks. Chat columns appear as {@code platform} and {@code group_id}; instants
 * (columns ending in {@code _at}) as ISO-8601 text; internal bookkeeping tables are left out.
 */
public final class DataExport {
    /** What is exported, in order: the record type and the query that reads it. */
    private record Table(String type, String select) {}

    private static final List<Table> TABLES = List.of(
            new Table("checkin", "SELECT platform, chat_id, user_id, day, theme, display_name, checked_in_at, day_order"
                    + " FROM check_in"),
            new Table("checkin_tally", "SELECT platform, chat_id, user_id, theme, display_name, last_day, streak, total"
                    + " FROM check_in_tally"),
            new Table("warning", "SELECT platform, chat_id, user_id, id, reason, issued_by, issued_at FROM warning"),
            new Table("faq", "SELECT platform, chat_id, id, question, answer FROM faq_entry"),
            new Table("faq_phrasing", "SELECT e.platform, e.chat_id, p.entry_id, p.phrasing"
                    + " FROM faq_phrasing p JOIN faq_entry e ON e.id = p.entry_id"),
            new Table("script_override", "SELECT platform, chat_id, script_key, template FROM script_override"),
            new Table("chat_mark", "SELECT platform, chat_id, mark, marked_at FROM chat_mark"),
            new Table("member_history", "SELECT platform, chat_id, user_id, first_seen_at, clean_messages"
                    + " FROM member_history"),
            new Table("labelled_example", "SELECT platform, chat_id, id, text, label, added_by, added_at"
                    + " FROM labelled_example"),
            new Table("unanswered_question", "SELECT platform, chat_id, id, text, asker_id, asker_name, message_id,"
                    + " asked_at FROM unanswered_question"),
            new Table("faq_hit", "SELECT platform, chat_id, entry_key, hits, last_answered_at FROM faq_hit"));

    private final DataSource dataSource;

    private DataExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static DataExport of(Database database) {
        return new DataExport(database.dataSource());
    }

    /**
     * Hands every record to {@code sink}.
     *
     * @param group only this group: its id, or {@code platform:id}; null for everything
     */
    public void export(@Nullable String group, Consumer<Map<String, Object>> sink) {
        try (Connection connection = dataSource.getConnection()) {
            for (Table table : TABLES) {
                exportTable(connection, table, group, sink);
            }
        } catch (SQLException e) {
            throw new StorageException("export failed: " + e.getMessage(), e);
        }
    }

    private static void exportTable(Connection connection, Table table, @Nullable String group,
            Consumer<Map<String, Object>> sink) throws SQLException {
        String sql = table.select();
        String platform = null;
        String chatId = group;
        if (group != null && group.contains(":")) {
            platform = group.substring(0, group.indexOf(':'));
            chatId = group.substring(group.indexOf(':') + 1);
        }
        String alias = sql.contains(" e ON ") ? "e." : "";
        if (chatId != null) {
            sql += " WHERE " + alias + "chat_id = ?" + (platform != null ? " AND " + alias + "platform = ?" : "");
        }
        sql += " ORDER BY 1, 2, 3";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (chatId != null) {
                select.setString(1, chatId);
                if (platform != null) {
                    select.setString(2, platform);
                }
            }
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("type", table.type());
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        String name = columns.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        Object value = rows.getObject(i);
                        if (name.endsWith("_at") && value instanceof Number millis) {
                            value = Instant.ofEpochMilli(millis.longValue()).toString();
                        } else if (value instanceof Number number && !(value instanceof Long)) {
                            value = number.longValue();
                        }
                        record.put(name.equals("chat_id") ? "group_id" : name, value);
                    }
                    sink.accept(record);
                }
            }
        }
    }
}
