package dev.qunguan.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The statements over {@code processed_delivery}: delivery keys with their state ('claimed' by a node
 * until its lease ends, or 'done') and when that happened. Rows are kept indefinitely for now; they are
 * indexed by time so that a later housekeeping job can drop those older than any redelivery.
 */
final class JdbcDeliveryLog {
    static final String CLAIMED = "claimed";
    static final String DONE = "done";

    private static final String EXISTS = "SELECT 1 FROM processed_delivery WHERE delivery_key = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM processed_delivery";
    private static final String ALL_KEYS = "SELECT delivery_key FROM processed_delivery";
    private static final String INSERT_DONE = """
            INSERT INTO processed_delivery (delivery_key, processed_at) VALUES (?, ?)
            ON CONFLICT DO NOTHING""";
    // A new key is inserted as claimed; an existing one is taken over only when it is a claim whose lease
    // ran out before now (excluded.processed_at). RETURNING names exactly the keys this statement claimed.
    private static final String CLAIM_PREFIX =
            "INSERT INTO processed_delivery (delivery_key, processed_at, state, owner, lease_until) VALUES ";
    private static final String CLAIM_ROW = "(?, ?, 'claimed', ?, ?)";
    private static final String CLAIM_SUFFIX = """

            ON CONFLICT (delivery_key) DO UPDATE SET
                processed_at = excluded.processed_at, owner = excluded.owner, lease_until = excluded.lease_until
            WHERE processed_delivery.state = 'claimed' AND processed_delivery.lease_until < excluded.processed_at
            RETURNING delivery_key""";
    private static final String STATES_PREFIX =
            "SELECT delivery_key, state, lease_until FROM processed_delivery WHERE delivery_key IN (";
    private static final String COMPLETE = """
            UPDATE processed_delivery SET state = 'done', processed_at = ?, lease_until = 0
            WHERE delivery_key = ?""";
    private static final String RELEASE = "DELETE FROM processed_delivery WHERE delivery_key = ? AND state = 'claimed'";

    /** A delivery someone else holds: done, or claimed until {@code leaseUntil}. */
    record Held(String state, Instant leaseUntil) {}

    private final Transactions transactions;

    private JdbcDeliveryLog(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcDeliveryLog create(Transactions transactions) {
        return new JdbcDeliveryLog(transactions);
    }

    boolean isProcessed(String deliveryKey) {
        return transactions.lookup("look up delivery", EXISTS, select -> {
            select.setString(1, deliveryKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        });
    }

    long count() {
        return transactions.read("count deliveries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(COUNT);
                    ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    /** Hands every stored key to {@code sink}, streaming (the table may hold millions). */
    void forEachKey(Consumer<String> sink) {
        transactions.read("read delivery keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ALL_KEYS)) {
                select.setFetchSize(10_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(rows.getString(1));
                    }
                }
                return null;
            }
        });
    }

    /** Records many handled deliveries in one transaction (one commit instead of one per event). */
    void markAllProcessed(List<Map.Entry<String, Instant>> deliveries) {
        transactions.write("mark deliveries processed", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_DONE)) {
                for (Map.Entry<String, Instant> delivery : deliveries) {
                    insert.setString(1, delivery.getKey());
                    insert.setLong(2, delivery.getValue().toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
                return null;
            }
        });
    }

    /**
     * Claims the given distinct keys for {@code owner} until {@code leaseUntil} in one statement; returns
     * those it claimed. Keys should come sorted, so two nodes claiming overlapping batches lock rows in
     * the same order and never deadlock.
     */
    Set<String> claimAll(Collection<String> keys, String owner, Instant now, Instant leaseUntil) {
        StringBuilder sql = new StringBuilder(CLAIM_PREFIX);
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(CLAIM_ROW);
        }
        sql.append(CLAIM_SUFFIX);
        return transactions.write("claim deliveries", connection -> {
            try (PreparedStatement claim = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (String key : keys) {
                    claim.setString(p++, key);
                    claim.setLong(p++, now.toEpochMilli());
                    claim.setString(p++, owner);
                    claim.setLong(p++, leaseUntil.toEpochMilli());
                }
                Set<String> claimed = new HashSet<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getString(1));
                    }
                }
                return claimed;
            }
        });
    }

    /** The state of those of {@code keys} that have a row. */
    Map<String, Held> statesOf(Collection<String> keys) {
        StringBuilder sql = new StringBuilder(STATES_PREFIX);
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        return transactions.read("look up delivery claims", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (String key : keys) {
                    select.setString(p++, key);
                }
                Map<String, Held> states = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        states.put(rows.getString(1),
                                new Held(rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))));
                    }
                }
                return states;
            }
        });
    }

    /**
     * Marks the given claimed keys done (each at its time) in one transaction; pass them sorted, for the
     * reason given at {@link #claimAll}.
     */
    void completeAll(Map<String, Instant> keys) {
        transactions.write("complete deliveries", connection -> {
            try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
                for (Map.Entry<String, Instant> key : keys.entrySet()) {
                    complete.setLong(1, key.getValue().toEpochMilli());
                    complete.setString(2, key.getKey());
                    complete.addBatch();
                }
                complete.executeBatch();
                return null;
            }
        });
    }

    void release(String key) {
        transactions.write("release delivery claim", connection -> {
            try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
                release.setString(1, key);
                return release.executeUpdate();
            }
        });
    }
}
