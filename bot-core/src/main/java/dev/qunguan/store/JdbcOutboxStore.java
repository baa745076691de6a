package dev.qunguan.store;

import dev.qunguan.action.Action;
import dev.qunguan.event.ChatRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox table. A claim is one atomic {@code UPDATE ... WHERE id IN (due rows) AND lease expired}, so
 * of two nodes racing for a row only one gets it; on PostgreSQL claimers also queue on an advisory lock,
 * so each sees the other's committed claims and a chat's later rows cannot be taken while an earlier one
 * is held elsewhere. SQLite has a single writer, which gives the same.
 */
final class JdbcOutboxStore implements OutboxStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcOutboxStore.class);
    /** Any fixed number: every qunguan node takes the same advisory lock around claims. */
    private static final long CLAIM_LOCK = 0x7175_6E67_7561_6E01L;
    private static final int MAX_ERROR_CHARS = 500;
    private static final String COLUMNS =
            "id, platform, chat_id, action, enqueued_at, attempts, next_attempt_at, last_error, claimed_by, dead_at";

    private static final String INSERT = """
            INSERT INTO outbox (platform, chat_id, action, enqueued_at, attempts, next_attempt_at, lease_until)
            VALUES (?, ?, ?, ?, 0, ?, 0)""";
    private static final String ANY_DUE = """
            SELECT 1 FROM outbox
            WHERE platform = ? AND dead_at IS NULL AND next_attempt_at <= ? AND lease_until <= ? LIMIT 1""";
    // A row waits while an earlier live row of its chat is due later or held by a live lease.
    private static final String CLAIM = """
            UPDATE outbox SET claimed_by = ?, lease_until = ?
            WHERE id IN (
                SELECT o.id FROM outbox o
                WHERE o.platform = ? AND o.dead_at IS NULL AND o.next_attempt_at <= ? AND o.lease_until <= ?
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox e
                      WHERE e.platform = o.platform AND e.chat_id = o.chat_id AND e.id < o.id
                        AND e.dead_at IS NULL AND (e.next_attempt_at > ? OR e.lease_until > ?))
                ORDER BY o.id LIMIT ?%s)
              AND lease_until <= ?
            RETURNING\s""" + COLUMNS;
    private static final String RENEW = "UPDATE outbox SET lease_until = ? WHERE claimed_by = ? AND dead_at IS NULL";
    private static final String DONE = "DELETE FROM outbox WHERE id = ? AND claimed_by = ?";
    private static final String RETRY = """
            UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, lease_until = 0
            WHERE id = ? AND claimed_by = ?""";
    private static final String DEAD = """
            UPDATE outbox SET attempts = ?, dead_at = ?, last_error = ?, claimed_by = NULL, lease_until = 0
            WHERE id = ? AND claimed_by = ?""";
    private static final String RELEASE = """
            UPDATE outbox SET next_attempt_at = ?, claimed_by = NULL, lease_until = 0
            WHERE id = ? AND claimed_by = ?""";
    private static final String RELEASE_ALL =
            "UPDATE outbox SET claimed_by = NULL, lease_until = 0 WHERE claimed_by = ?";
    private static final String COUNTS = """
            SELECT COALESCE(SUM(CASE WHEN dead_at IS NULL THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN dead_at IS NULL THEN 0 ELSE 1 END), 0)
            FROM outbox""";
    private static final String ROWS = "SELECT " + COLUMNS + " FROM outbox ORDER BY id LIMIT ?";
    private static final String UNREADABLE = """
            UPDATE outbox SET dead_at = ?, last_error = ?, claimed_by = NULL, lease_until = 0 WHERE id = ?""";

    private final Transactions transactions;
    private final boolean postgres;
    private final String claimSql;
    private final OutboxActionJson json = new OutboxActionJson();

    private JdbcOutboxStore(Transactions transactions, boolean postgres) {
        this.transactions = transactions;
        this.postgres = postgres;
        this.claimSql = CLAIM.formatted(postgres ? " FOR UPDATE SKIP LOCKED" : "");
    }

    /** @param postgres use PostgreSQL's row locking and advisory lock around claims */
    static JdbcOutboxStore create(Transactions transactions, boolean postgres) {
        return new JdbcOutboxStore(transactions, postgres);
    }

    @Override
    public void append(List<Action> actions, Instant at) {
        if (actions.isEmpty()) {
            return;
        }
        List<String> bodies = actions.stream().map(json::write).toList();
        transactions.write("append to outbox", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < actions.size(); i++) {
                    ChatRef chat = actions.get(i).chat();
                    insert.setString(1, chat.platform());
                    insert.setString(2, chat.chatId());
                    insert.setString(3, bodies.get(i));
                    insert.setLong(4, at.toEpochMilli());
                    insert.setLong(5, at.toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<OutboxRow> claim(String platform, String node, Instant now, Instant leaseUntil, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
        }
        long nowMillis = now.toEpochMilli();
        // A read first: an idle outbox costs no write transaction.
        boolean anyDue = transactions.read("look for due outbox rows", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ANY_DUE)) {
                select.setString(1, platform);
                select.setLong(2, nowMillis);
                select.setLong(3, nowMillis);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
        if (!anyDue) {
            return List.of();
        }
        return transactions.write("claim outbox rows", connection -> {
            if (postgres) {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CLAIM_LOCK);
                    lock.execute();
                }
            }
            List<StoredRow> claimed = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement(claimSql)) {
                update.setString(1, node);
                update.setLong(2, leaseUntil.toEpochMilli());
                update.setString(3, platform);
                update.setLong(4, nowMillis);
                update.setLong(5, nowMillis);
                update.setLong(6, nowMillis);
                update.setLong(7, nowMillis);
                update.setInt(8, limit);
                update.setLong(9, nowMillis);
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(stored(rows));
                    }
                }
            }
            claimed.sort(Comparator.comparingLong(StoredRow::id));
            return decodeOrBury(connection, claimed, now);
        });
    }

    @Override
    public void renew(String node, Instant leaseUntil) {
        transactions.write("renew outbox leases", connection -> {
            try (PreparedStatement update = connection.prepareStatement(RENEW)) {
                update.setLong(1, leaseUntil.toEpochMilli());
                update.setString(2, node);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void settle(String node, List<OutboxOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        transactions.write("settle outbox rows", connection -> {
            try (PreparedStatement done = connection.prepareStatement(DONE);
                    PreparedStatement retry = connection.prepareStatement(RETRY);
                    PreparedStatement dead = connection.prepareStatement(DEAD);
                    PreparedStatement release = connection.prepareStatement(RELEASE)) {
                for (OutboxOutcome outcome : outcomes) {
                    PreparedStatement statement = switch (outcome) {
                        case OutboxOutcome.Done d -> {
                            done.setLong(1, d.id());
                            done.setString(2, node);
                            yield done;
                        }
                        case OutboxOutcome.Retry r -> {
                            retry.setInt(1, r.attempts());
                            retry.setLong(2, r.nextAttemptAt().toEpochMilli());
                            retry.setString(3, shortened(r.error()));
                            retry.setLong(4, r.id());
                            retry.setString(5, node);
                            yield retry;
                        }
                        case OutboxOutcome.Dead d -> {
                            dead.setInt(1, d.attempts());
                            dead.setLong(2, d.at().toEpochMilli());
                            dead.setString(3, shortened(d.error()));
                            dead.setLong(4, d.id());
                            dead.setString(5, node);
                            yield dead;
                        }
                        case OutboxOutcome.Released r -> {
                            release.setLong(1, r.notBefore().toEpochMilli());
                            release.setLong(2, r.id());
                            release.setString(3, node);
                            yield release;
                        }
                    };
                    statement.addBatch();
                }
                // Each row has one outcome, so the order of the four batches does not matter.
                for (PreparedStatement statement : List.of(done, retry, dead, release)) {
                    statement.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public int releaseAll(String node) {
        return transactions.write("release outbox claims", connection -> {
            try (PreparedStatement update = connection.prepareStatement(RELEASE_ALL)) {
                update.setString(1, node);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public OutboxCounts counts() {
        return transactions.read("count outbox rows", connection -> {
            try (Statement select = connection.createStatement(); ResultSet row = select.executeQuery(COUNTS)) {
                row.next();
                return new OutboxCounts(row.getLong(1), row.getLong(2));
            }
        });
    }

    @Override
    public List<OutboxRow> rows(int limit) {
        List<StoredRow> stored = transactions.read("list outbox rows", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ROWS)) {
                select.setInt(1, limit);
                List<StoredRow> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(stored(row));
                    }
                }
                return rows;
            }
        });
        List<OutboxRow> rows = new ArrayList<>();
        for (StoredRow row : stored) {
            try {
                rows.add(row.decoded(json));
            } catch (IllegalArgumentException unreadable) {
                log.warn("Outbox row {} cannot be read: {}", row.id(), unreadable.getMessage());
            }
        }
        return List.copyOf(rows);
    }

    /** Rows as stored, the action still JSON. */
    private record StoredRow(long id, ChatRef chat, String action, long enqueuedAt, int attempts, long nextAttemptAt,
            @Nullable String lastError, @Nullable String claimedBy, @Nullable Long deadAt) {
        OutboxRow decoded(OutboxActionJson json) {
            return new OutboxRow(id, json.read(chat, action), Instant.ofEpochMilli(enqueuedAt), attempts,
                    Instant.ofEpochMilli(nextAttemptAt), lastError, claimedBy,
                    deadAt == null ? null : Instant.ofEpochMilli(deadAt));
        }
    }

    private static StoredRow stored(ResultSet row) throws SQLException {
        long deadAt = row.getLong(10);
        Long dead = row.wasNull() ? null : deadAt;
        return new StoredRow(row.getLong(1), ChatRef.of(row.getString(2), row.getString(3)), row.getString(4),
                row.getLong(5), row.getInt(6), row.getLong(7), row.getString(8), row.getString(9), dead);
    }

    /** A row this version cannot read (written by a newer one, or damaged) is given up on, not retried forever. */
    private List<OutboxRow> decodeOrBury(Connection connection, List<StoredRow> claimed, Instant now)
            throws SQLException {
        List<OutboxRow> rows = new ArrayList<>(claimed.size());
        for (StoredRow row : claimed) {
            try {
                rows.add(row.decoded(json));
            } catch (IllegalArgumentException unreadable) {
                log.error("Outbox row {} for chat {} cannot be read and is given up: {}", row.id(), row.chat(),
                        unreadable.getMessage());
                try (PreparedStatement bury = connection.prepareStatement(UNREADABLE)) {
                    bury.setLong(1, now.toEpochMilli());
                    bury.setString(2, shortened("unreadable: " + unreadable.getMessage()));
                    bury.setLong(3, row.id());
                    bury.executeUpdate();
                }
            }
        }
        return rows;
    }

    private static String shortened(String error) {
        return error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS);
    }
}
