package dev.qunguan.store;

import com.zaxxer.hikari.HikariConfig;
import dev.qunguan.config.StorageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Everything that differs between the supported databases. The stores' SQL is shared: both accept
 * {@code INSERT ... ON CONFLICT} and {@code RETURNING}, and dates are ISO text, instants epoch millis.
 */
enum Dialect {
    SQLITE("classpath:db/migration/sqlite", true) {
        @Override
        void prepare(String url) throws IOException {
            Path file = sqliteFile(url);
            if (file != null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
        }

        @Override
        void loadDriver() throws Exception {
            // extracts the native library from the driver's jar (comparing it with a copy left by an
            // earlier start) and loads it: about a tenth of a second of a cold start
            SQLiteJDBCLoader.initialize();
        }

        @Override
        HikariConfig poolConfig(StorageConfig config) {
            SQLiteConfig sqlite = new SQLiteConfig();
            // WAL + NORMAL: a committed transaction survives the process being killed (not power loss),
            // and readers never block the writer.
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            sqlite.enforceForeignKeys(true);
            // Take the write lock when a transaction begins, not when it first writes: a transaction that
            // read first and then upgrades can fail with SQLITE_BUSY at once, whatever the busy timeout.
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
            dataSource.setUrl(config.url());

            HikariConfig pool = new HikariConfig();
            pool.setPoolName("qunguan-sqlite");
            pool.setDataSource(dataSource);
            // One writer at a time anyway; a few connections only let reads overlap a write.
            pool.setMaximumPoolSize(Math.min(config.poolSize(), MAX_SQLITE_CONNECTIONS));
            return pool;
        }
    },

    POSTGRESQL("classpath:db/migration/postgresql", false) {
        @Override
        void prepare(String url) {
            // The server owns its files.
        }

        @Override
        void loadDriver() throws Exception {
            Class.forName("org.postgresql.Driver");
        }

        @Override
        HikariConfig poolConfig(StorageConfig config) {
            HikariConfig pool = new HikariConfig();
            pool.setPoolName("qunguan-postgresql");
            pool.setJdbcUrl(config.url());
            if (!config.username().isEmpty()) {
                pool.setUsername(config.username());
            }
            if (!config.password().isEmpty()) {
                pool.setPassword(config.password());
            }
            pool.setMaximumPoolSize(config.poolSize());
            return pool;
        }
    };

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_SQLITE_CONNECTIONS = 4;

    private final String migrationLocation;
    private final boolean singleWriter;

    Dialect(String migrationLocation, boolean singleWriter) {
        this.migrationLocation = migrationLocation;
        this.singleWriter = singleWriter;
    }

    static Dialect of(StorageConfig config) {
        return config.isSqlite() ? SQLITE : POSTGRESQL;
    }

    String migrationLocation() {
        return migrationLocation;
    }

    /** True when the database accepts one writing transaction at a time. */
    boolean singleWriter() {
        return singleWriter;
    }

    /**
     * True when several processes (nodes) may use the database at once, so none may trust what it
     * remembers in memory about shared state.
     */
    boolean sharedByNodes() {
        return !singleWriter;
    }

    /**
     * Appended to a {@code SELECT} that picks rows to claim: on a database several nodes share, rows
     * another transaction is claiming are skipped rather than waited for.
     */
    String skipLockedRows() {
        return singleWriter ? "" : " FOR UPDATE SKIP LOCKED";
    }

    /** Makes whatever must exist before the first connection, such as the SQLite file's directory. */
    abstract void prepare(String url) throws IOException;

    /** Loads and initialises the JDBC driver, which the first connection would otherwise do. */
    abstract void loadDriver() throws Exception;

    abstract HikariConfig poolConfig(StorageConfig config);

    /** The file behind {@code jdbc:sqlite:FILE[?options]}; null for in-memory and temporary databases. */
    static @Nullable Path sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.startsWith(":")) {
            return null;
        }
        return Path.of(rest);
    }
}
