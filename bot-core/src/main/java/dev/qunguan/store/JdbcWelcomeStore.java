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
    private static final String EARLIER_ADMISSION = """
            SELECT greeted_at_once FROM welcome_join WHERE platform = ? AND chat_id = ? AND join_key = ?""";
    private static final String REMEMBER_JOIN = """
            INSERT INTO welcome_join (platform, chat_id, join_key, greeted_at_once, admitted_at)
            VALUES (?, ?, ?, ?, ?)""";
    private static final String STILL_WAITING = """
            SELECT 1 FROM welcome_waiting WHERE platform = ? AND chat_id = ? AND user_id = ?""";
    private static final String PRUNE_JOINS = """
            DELETE FROM welcome_join WHERE platform = ? AND chat_id = ? AND admitted_at < ?""";
    /** Far longer than any platform keeps redelivering, short enough to keep the table small. */
    private static final Duration JOIN_MEMORY = Duration.ofDays(2);
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
    public Admission admit(ChatRef chat, UserRef member, String joinKey, Instant now, Duration quietWindow) {
        return transactions.write("admit newcomer", connection -> {
            Locked state = lock(connection, chat);
            Instant quietFrom = state.lastGreeting().map(last -> last.plus(quietWindow)).orElse(Instant.MIN);
            Instant greetAt = quietFrom.isAfter(now) ? quietFrom : now;
            Optional<Boolean> earlier = earlierAdmission(connection, chat, joinKey);
            if (earlier.isPresent()) {
                return replay(connection, chat, member, earlier.get(), greetAt);
            }
            boolean greetNow = !anyoneWaiting(connection, chat) && !now.isBefore(quietFrom);
            rememberJoin(connection, chat, joinKey, greetNow, now);
            if (greetNow) {
                greeted(connection, chat, now);
                return new Admission.GreetNow();
            }
            try (PreparedStatement wait = connection.prepareStatement(WAIT)) {
                bind(wait, chat);
                wait.setString(3, member.id());
                wait.setString(4, member.displayName());
                wait.setLong(5, state.version());
                wait.executeUpdate();
            }
            return new Admission.Wait(greetAt);
        });
    }

    /**
     * The same join handled again: its first handling died before its delivery completed, so nothing it
     * answered reached the outbox. A greeting at once is given again; a member still waiting gets the
     * timer asked for again (the first handling may have died before storing it); a member the merged
     * greeting already named is left alone.
     */
    private static Admission replay(Connection connection, ChatRef chat, UserRef member, boolean greetedAtOnce,
            Instant greetAt) throws SQLException {
        if (greetedAtOnce) {
            return new Admission.GreetNow();
        }
        try (PreparedStatement select = connection.prepareStatement(STILL_WAITING)) {
            bind(select, chat);
            select.setString(3, member.id());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Admission.Wait(greetAt) : new Admission.AlreadyAdmitted();
            }
        }
    }

    private static Optional<Boolean> earlierAdmission(Connection connection, ChatRef chat, String joinKey)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EARLIER_ADMISSION)) {
            bind(select, chat);
            select.setString(3, joinKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1) == 1) : Optional.empty();
            }
        }
    }

    /** Records the join under the chat's lock, pruning joins too old to be redelivered. */
    private static void rememberJoin(Connection connection, ChatRef chat, String joinKey, boolean greetedAtOnce,
            Instant now) throws SQLException {
        try (PreparedStatement prune = connection.prepareStatement(PRUNE_JOINS)) {
            bind(prune, chat);
            prune.setLong(3, now.minus(JOIN_MEMORY).toEpochMilli());
            prune.executeUpdate();
        }
        try (PreparedStatement remember = connection.prepareStatement(REMEMBER_JOIN)) {
            bind(remember, chat);
            remember.setString(3, joinKey);
            remember.setInt(4, greetedAtOnce ? 1 : 0);
            remember.setLong(5, now.toEpochMilli());
            remember.executeUpdate();
        }
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
