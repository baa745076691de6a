package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Welcome state in {@code welcome_chat} and {@code welcome_waiting}. Every change first bumps the chat's
 * version: on PostgreSQL that locks the chat row until commit, so changes to one chat run one after
 * another across nodes, and each later statement (read committed) sees what the previous holder wrote;
 * SQLite runs one writing transaction at a time anyway. The bumped version orders the waiting members.
 */
final class JdbcWelcomeStore implements WelcomeStore {
    private static final String LOCK_CHAT = """
            INSERT INTO welcome_chat (platform, chat_id, last_greeting_at, version) VALUES (?, ?, NULL, 1)
            ON CONFLICT (platform, chat_id) DO UPDATE SET version = welcome_chat.version + 1
            RETURNING last_greeting_at, version""";
    private static final String ANYONE_WAITING = """
            SELECT 1 FROM welcome_waiting WHERE platform = ? AND chat_id = ? LIMIT 1""";
    private static final String GREETED = """
            UPDATE welcome_chat SET last_greeting_at = ? WHERE platform = ? AND chat_id = ?""";
    private static final String WAIT = """
            INSERT INTO welcome_waiting (platform, chat_id, user_id, display_name, joined_order)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (platform, chat_id, user_id) DO UPDATE SET
                display_name = excluded.display_name, joined_order = excluded.joined_order""";
    private static final String FORGET = """
            DELETE FROM welcome_waiting WHERE platform = ? AND chat_id = ? AND user_id = ?""";
    private static final String WAITING = """
            SELECT user_id, display_name FROM welcome_waiting WHERE platform = ? AND chat_id = ?
            ORDER BY joined_order, user_id""";
    private static final String CLEAR_WAITING = """
            DELETE FROM welcome_waiting WHERE platform = ? AND chat_id = ?""";

    private final Transactions transactions;

    private JdbcWelcomeStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcWelcomeStore create(Transactions transactions) {
        return new JdbcWelcomeStore(transactions);
    }

    /** The chat's state, read under its lock. */
    private record Locked(Optional<Instant> lastGreeting, long version) {}

    @Override
    public Optional<Instant> admit(ChatRef chat, UserRef member, Instant now, Duration quietWindow) {
        return transactions.write("admit newcomer", connection -> {
            Locked state = lock(connection, chat);
            Instant quietFrom = state.lastGreeting().map(last -> last.plus(quietWindow)).orElse(Instant.MIN);
            if (!anyoneWaiting(connection, chat) && !now.isBefore(quietFrom)) {
                greeted(connection, chat, now);
                return Optional.empty();
            }
            try (PreparedStatement wait = connection.prepareStatement(WAIT)) {
                bind(wait, chat);
                wait.setString(3, member.id());
                wait.setString(4, member.displayName());
                wait.setLong(5, state.version());
                wait.executeUpdate();
            }
            return Optional.of(quietFrom.isAfter(now) ? quietFrom : now);
        });
    }

    @Override
    public void forget(ChatRef chat, String userId) {
        transactions.write("forget waiting newcomer", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(FORGET)) {
                bind(delete, chat);
                delete.setString(3, userId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<UserRef> takeWaiting(ChatRef chat, Instant now) {
        return transactions.write("take waiting newcomers", connection -> {
            lock(connection, chat);
            List<UserRef> waiting = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(WAITING)) {
                bind(select, chat);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        waiting.add(UserRef.member(rows.getString(1), rows.getString(2)));
                    }
                }
            }
            if (!waiting.isEmpty()) {
                try (PreparedStatement clear = connection.prepareStatement(CLEAR_WAITING)) {
                    bind(clear, chat);
                    clear.executeUpdate();
                }
                greeted(connection, chat, now);
            }
            return List.copyOf(waiting);
        });
    }

    private static Locked lock(Connection connection, ChatRef chat) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_CHAT)) {
            bind(lock, chat);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                long last = row.getLong(1);
                Optional<Instant> lastGreeting = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
                return new Locked(lastGreeting, row.getLong(2));
            }
        }
    }

    private static boolean anyoneWaiting(Connection connection, ChatRef chat) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ANYONE_WAITING)) {
            bind(select, chat);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void greeted(Connection connection, ChatRef chat, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(GREETED)) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, chat.platform());
            update.setString(3, chat.chatId());
            update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, ChatRef chat) throws SQLException {
        statement.setString(1, chat.platform());
        statement.setString(2, chat.chatId());
    }
}
