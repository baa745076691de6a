package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Check-ins over three tables: the day-by-day history (whose key refuses a second check-in), a per-day
 * counter giving each check-in its place, and a per-member tally (last day, streak, total) kept up to
 * date in the same transaction so that neither streaks nor leaderboards read the history.
 */
final class JdbcCheckInStore implements CheckInStore {
    private static final String INSERT_CHECK_IN = """
            INSERT INTO check_in (platform, chat_id, theme, user_id, day, display_name, checked_in_at, day_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT DO NOTHING""";
    private static final String NEXT_PLACE_OF_DAY = """
            INSERT INTO check_in_day (platform, chat_id, theme, day, check_ins)
            VALUES (?, ?, ?, ?, 1)
            ON CONFLICT (platform, chat_id, theme, day) DO UPDATE SET check_ins = check_in_day.check_ins + 1
            RETURNING check_ins""";
    private static final String SET_PLACE = """
            UPDATE check_in SET day_order = ?
            WHERE platform = ? AND chat_id = ? AND theme = ? AND user_id = ? AND day = ?""";
    // Every SET expression sees the row as it was before this statement. A day before last_day (a late
    // check-in) only adds to the total here; the streak is then recounted from the history.
    private static final String ADD_TO_TALLY = """
            INSERT INTO check_in_tally (platform, chat_id, theme, user_id, display_name, last_day, last_at, streak, total)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1)
            ON CONFLICT (platform, chat_id, theme, user_id) DO UPDATE SET
                display_name = excluded.display_name,
                total = check_in_tally.total + 1,
                streak = CASE
                    WHEN check_in_tally.last_day = ? THEN check_in_tally.streak + 1
                    WHEN check_in_tally.last_day < excluded.last_day THEN 1
                    ELSE check_in_tally.streak END,
                last_at = CASE
                    WHEN check_in_tally.last_day < excluded.last_day THEN excluded.last_at
                    ELSE check_in_tally.last_at END,
                last_day = CASE
                    WHEN check_in_tally.last_day < excluded.last_day THEN excluded.last_day
                    ELSE check_in_tally.last_day END
            RETURNING streak, total, last_day""";
    private static final String DAYS_UP_TO = """
            SELECT day FROM check_in
            WHERE platform = ? AND chat_id = ? AND theme = ? AND user_id = ? AND day <= ?
            ORDER BY day DESC""";
    private static final String SET_STREAK = """
            UPDATE check_in_tally SET streak = ?
            WHERE platform = ? AND chat_id = ? AND theme = ? AND user_id = ?""";
    private static final String EXISTING = """
            SELECT c.day_order, t.streak, t.total
            FROM check_in c
            JOIN check_in_tally t ON t.platform = c.platform AND t.chat_id = c.chat_id
                AND t.theme = c.theme AND t.user_id = c.user_id
            WHERE c.platform = ? AND c.chat_id = ? AND c.theme = ? AND c.user_id = ? AND c.day = ?""";
    private static final String TOP_BY_STREAK = """
            SELECT user_id, display_name, streak FROM check_in_tally
            WHERE platform = ? AND chat_id = ? AND theme = ? AND last_day >= ?
            ORDER BY streak DESC, last_at ASC, user_id ASC
            LIMIT ?""";
    private static final String TOP_BY_TOTAL = """
            SELECT user_id, display_name, total FROM check_in_tally
            WHERE platform = ? AND chat_id = ? AND theme = ?
            ORDER BY total DESC, last_at ASC, user_id ASC
            LIMIT ?""";

    private final Transactions transactions;
    private final Clock clock;

    private JdbcCheckInStore(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    static JdbcCheckInStore create(Transactions transactions, Clock clock) {
        return new JdbcCheckInStore(transactions, clock);
    }

    @Override
    public CheckInResult checkIn(ChatRef chat, UserRef member, String theme, LocalDate day) {
        Objects.requireNonNull(theme, "theme");
        long now = clock.millis();
        return transactions.write("check-in", connection -> {
            Key key = new Key(chat, theme, member.id());
            String dayText = day.toString();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_CHECK_IN)) {
                int next = key.bind(insert, 1);
                insert.setString(next, dayText);
                insert.setString(next + 1, member.displayName());
                insert.setLong(next + 2, now);
                if (insert.executeUpdate() == 0) {
                    return existing(connection, key, dayText);
                }
            }
            int place = nextPlaceOfDay(connection, chat, theme, dayText);
            try (PreparedStatement setPlace = connection.prepareStatement(SET_PLACE)) {
                setPlace.setInt(1, place);
                int next = key.bind(setPlace, 2);
                setPlace.setString(next, dayText);
                setPlace.executeUpdate();
            }
            return addToTally(connection, key, member.displayName(), day, now, place);
        });
    }

    private static int nextPlaceOfDay(Connection connection, ChatRef chat, String theme, String day)
            throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(NEXT_PLACE_OF_DAY)) {
            next.setString(1, chat.platform());
            next.setString(2, chat.chatId());
            next.setString(3, theme);
            next.setString(4, day);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static CheckInResult addToTally(
            Connection connection, Key key, String displayName, LocalDate day, long now, int place)
            throws SQLException {
        int streak;
        int total;
        LocalDate lastDay;
        try (PreparedStatement upsert = connection.prepareStatement(ADD_TO_TALLY)) {
            int next = key.bind(upsert, 1);
            upsert.setString(next, displayName);
            upsert.setString(next + 1, day.toString());
            upsert.setLong(next + 2, now);
            upsert.setString(next + 3, day.minusDays(1).toString());
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                streak = row.getInt(1);
                total = row.getInt(2);
                lastDay = LocalDate.parse(row.getString(3));
            }
        }
        if (lastDay.isAfter(day)) {
            // A late check-in may close a gap, so recount; this is the only path that reads the history.
            List<LocalDate> days = daysUpTo(connection, key, lastDay);
            int current = runEndingAt(days, lastDay);
            if (current != streak) {
                try (PreparedStatement update = connection.prepareStatement(SET_STREAK)) {
                    update.setInt(1, current);
                    key.bind(update, 2);
                    update.executeUpdate();
                }
            }
            streak = runEndingAt(days, day);
        }
        return new CheckInResult(true, place, streak, total);
    }

    private static List<LocalDate> daysUpTo(Connection connection, Key key, LocalDate last) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(DAYS_UP_TO)) {
            int next = key.bind(select, 1);
            select.setString(next, last.toString());
            List<LocalDate> days = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    days.add(LocalDate.parse(rows.getString(1)));
                }
            }
            return days;
        }
    }

    /** Consecutive days ending at {@code end}, given distinct days newest first. */
    static int runEndingAt(List<LocalDate> newestFirst, LocalDate end) {
        int run = 0;
        LocalDate expected = end;
        for (LocalDate day : newestFirst) {
            if (day.isAfter(expected)) {
                continue;
            }
            if (!day.equals(expected)) {
                break;
            }
            run++;
            expected = expected.minusDays(1);
        }
        return run;
    }

    private static CheckInResult existing(Connection connection, Key key, String day) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EXISTING)) {
            int next = key.bind(select, 1);
            select.setString(next, day);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("check-in for " + day + " exists without its tally");
                }
                return new CheckInResult(false, row.getInt(1), row.getInt(2), row.getInt(3));
            }
        }
    }

    @Override
    public List<LeaderboardEntry> topByStreak(ChatRef chat, String theme, LocalDate today, int limit) {
        requirePositive(limit);
        return transactions.read("streak leaderboard", connection -> {
            try (PreparedStatement select = connection.prepareStatement(TOP_BY_STREAK)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setString(3, theme);
                select.setString(4, today.minusDays(1).toString());
                select.setInt(5, limit);
                return entries(select);
            }
        });
    }

    @Override
    public List<LeaderboardEntry> topByTotal(ChatRef chat, String theme, int limit) {
        requirePositive(limit);
        return transactions.read("total leaderboard", connection -> {
            try (PreparedStatement select = connection.prepareStatement(TOP_BY_TOTAL)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setString(3, theme);
                select.setInt(4, limit);
                return entries(select);
            }
        });
    }

    private static List<LeaderboardEntry> entries(PreparedStatement select) throws SQLException {
        List<LeaderboardEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(new LeaderboardEntry(rows.getString(1), rows.getString(2), rows.getInt(3)));
            }
        }
        return List.copyOf(entries);
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
        }
    }

    /** One member's tally within a chat and theme. */
    private record Key(ChatRef chat, String theme, String userId) {
        /** Binds platform, chat, theme and user from {@code first}; returns the next parameter index. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, chat.platform());
            statement.setString(first + 1, chat.chatId());
            statement.setString(first + 2, theme);
            statement.setString(first + 3, userId);
            return first + 4;
        }
    }
}
