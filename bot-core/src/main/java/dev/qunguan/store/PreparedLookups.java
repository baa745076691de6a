package dev.qunguan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Prepared statements kept per physical connection for the look-ups made on every event (is this
 * delivery new, what is this member's history). Preparing is most of what such a look-up costs on
 * SQLite, and neither the driver nor the pool keeps statements. A connection is used by one thread at a
 * time, so its statements are too; statements of connections the pool has closed are dropped.
 */
final class PreparedLookups {
    // Physical connection → SQL → statement; guarded by this.
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new IdentityHashMap<>();

    /** The statement for {@code sql} on the pooled {@code connection}'s physical connection. */
    PreparedStatement statement(Connection pooled, String sql) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> statements;
        synchronized (this) {
            statements = byConnection.get(physical);
            if (statements == null) {
                dropClosedConnections();
                statements = new HashMap<>();
                byConnection.put(physical, statements);
            }
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private void dropClosedConnections() throws SQLException {
        for (Iterator<Connection> connections = byConnection.keySet().iterator(); connections.hasNext(); ) {
            if (connections.next().isClosed()) {
                connections.remove();
            }
        }
    }
}
