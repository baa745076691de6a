package dev.qunguan.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Processed delivery keys with the time they were processed. Rows are kept indefinitely for now;
 * they are indexed by time so that a later housekeeping job can drop those older than any redelivery.
 */
final class JdbcDeliveryLog implements DeliveryLog {
    private static final String EXISTS = "SELECT 1 FROM processed_delivery WHERE delivery_key = ?";
    private static final String INSERT = """
            INSERT INTO processed_delivery (delivery_key, processed_at) VALUES (?, ?)
            ON CONFLICT DO NOTHING""";

    private final Transactions transactions;

    private JdbcDeliveryLog(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcDeliveryLog create(Transactions transactions) {
        return new JdbcDeliveryLog(transactions);
    }

    @Override
    public boolean isProcessed(String deliveryKey) {
        return transactions.read("look up delivery", connection -> {
            try (PreparedStatement select = connection.prepareStatement(EXISTS)) {
                select.setString(1, deliveryKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Records many deliveries in one transaction (one commit instead of one per event). */
    void markAllProcessed(List<Map.Entry<String, Instant>> deliveries) {
        transactions.write("mark deliveries processed", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
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

    @Override
    public boolean markProcessed(String deliveryKey, Instant at) {
        return transactions.write("mark delivery processed", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, deliveryKey);
                insert.setLong(2, at.toEpochMilli());
                return insert.executeUpdate() > 0;
            }
        });
    }
}
