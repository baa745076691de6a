package dev.qunguan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Runs a store's statements on a pooled connection, writes in one committed transaction each. */
final class Transactions {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Lookup<T> {
        /** Binds the parameters and reads the answer; every result set it opens is closed before it returns. */
        T run(PreparedStatement statement) throws SQLException;
    }

    private final DataSource dataSource;
    private final PreparedLookups lookups = new PreparedLookups();
    // SQLite has a single writer: queueing writers here is fair and cheap, whereas letting them race
    // for the file lock relies on SQLite's sleeping busy handler. Fair, so a handler thread waiting to
    // record a check-in gets in between the batches of a background writer's round instead of after all.
    private final @Nullable ReentrantLock writeGate;

    private Transactions(DataSource dataSource, @Nullable ReentrantLock writeGate) {
        this.dataSource = dataSource;
        this.writeGate = writeGate;
    }

    static Transactions of(DataSource dataSource, boolean singleWriter) {
        return new Transactions(dataSource, singleWriter ? new ReentrantLock(true) : null);
    }

    /** Runs {@code work} in a transaction that is committed before this returns (rolled back on failure). */
    <T> T write(String operation, Work<T> work) {
        if (writeGate != null) {
            writeGate.lock();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(operation + " failed: " + e.getMessage(), e);
        } finally {
            if (writeGate != null) {
                writeGate.unlock();
            }
        }
    }

    /** Runs read-only {@code work} in auto-commit mode, so it never takes SQLite's write lock. */
    <T> T read(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException(operation + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a read-only look-up made on (nearly) every event, in auto-commit mode, on a statement prepared
     * once per connection.
     */
    <T> T lookup(String operation, String sql, Lookup<T> lookup) {
        return read(operation, connection -> lookup.run(lookups.statement(connection, sql)));
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
