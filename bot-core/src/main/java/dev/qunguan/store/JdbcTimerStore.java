package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Timers in {@code scheduled_timer}, claimed with one atomic statement so one node fires each. */
final class JdbcTimerStore implements TimerStore {
    private static final String SCHEDULE = """
            INSERT INTO scheduled_timer (platform, chat_id, purpose, due_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (platform, chat_id, purpose) DO UPDATE SET
                due_at = CASE
                    WHEN scheduled_timer.claimed_by IS NULL AND scheduled_timer.due_at <= excluded.due_at
                    THEN scheduled_timer.due_at ELSE excluded.due_at END,
                claimed_by = NULL,
                claimed_until = NULL""";
    private static final String ANY_DUE = """
            SELECT 1 FROM scheduled_timer
            WHERE due_at <= ? AND (claimed_by IS NULL OR claimed_until < ?)
            LIMIT 1""";
    // The inner select picks (and on PostgreSQL locks, skipping rows another node is claiming) the due
    // timers; the update marks them; a node claiming at the same time finds them held.
    private static final String CLAIM = """
            UPDATE scheduled_timer SET claimed_by = ?, claimed_until = ?
            WHERE (platform, chat_id, purpose) IN (
                SELECT platform, chat_id, purpose FROM scheduled_timer
                WHERE due_at <= ? AND (claimed_by IS NULL OR claimed_until < ?)
                ORDER BY due_at
                LIMIT 500%s)
            RETURNING platform, chat_id, purpose, due_at""";
    private static final String FIRED = """
            DELETE FROM scheduled_timer
            WHERE platform = ? AND chat_id = ? AND purpose = ? AND claimed_by = ?""";

    private final Transactions transactions;
    private final String claim;

    private JdbcTimerStore(Transactions transactions, String claim) {
        this.transactions = transactions;
        this.claim = claim;
    }

    static JdbcTimerStore create(Transactions transactions, Dialect dialect) {
        return new JdbcTimerStore(transactions, CLAIM.formatted(dialect.skipLockedRows()));
    }

    @Override
    public void schedule(ChatRef chat, String purpose, Instant at) {
        transactions.write("schedule timer", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SCHEDULE)) {
                upsert.setString(1, chat.platform());
                upsert.setString(2, chat.chatId());
                upsert.setString(3, purpose);
                upsert.setLong(4, at.toEpochMilli());
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public List<DueTimer> claimDue(Instant now, String claimant, Instant leaseUntil) {
        // Polled several times a second by every node: a read first, so an idle poll writes nothing.
        boolean anyDue = transactions.read("look for due timers", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ANY_DUE)) {
                select.setLong(1, now.toEpochMilli());
                select.setLong(2, now.toEpochMilli());
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
        if (!anyDue) {
            return List.of();
        }
        return transactions.write("claim due timers", connection -> {
            try (PreparedStatement update = connection.prepareStatement(claim)) {
                update.setString(1, claimant);
                update.setLong(2, leaseUntil.toEpochMilli());
                update.setLong(3, now.toEpochMilli());
                update.setLong(4, now.toEpochMilli());
                List<DueTimer> due = new ArrayList<>();
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        due.add(new DueTimer(ChatRef.of(rows.getString(1), rows.getString(2)), rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4)), claimant));
                    }
                }
                return List.copyOf(due);
            }
        });
    }

    @Override
    public void fired(DueTimer timer) {
        transactions.write("remove fired timer", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(FIRED)) {
                delete.setString(1, timer.chat().platform());
                delete.setString(2, timer.chat().chatId());
                delete.setString(3, timer.purpose());
                delete.setString(4, timer.claimant());
                return delete.executeUpdate();
            }
        });
    }
}
