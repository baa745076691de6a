package dev.qunguan.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.qunguan.config.StorageConfig;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind every store: a connection pool over SQLite (or PostgreSQL), migrated to the
 * current schema when opened. Close it on shutdown.
 *
 * <p>PostgreSQL additionally needs {@code org.postgresql:postgresql} and
 * {@code org.flywaydb:flyway-database-postgresql} on the class path of the application.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    private final HikariDataSource dataSource;
    private final Stores stores;
    // The stores that write behind, to be drained before the pool closes.
    private final List<AutoCloseable> writers;

    private Database(HikariDataSource dataSource, Stores stores, List<AutoCloseable> writers) {
        this.writers = List.copyOf(writers);
        this.dataSource = dataSource;
        this.stores = stores;
    }

    /** Opens the database with the system clock stamping check-ins. */
    public static Database open(StorageConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** Opens the database as a node named after this process. */
    public static Database open(StorageConfig config, Clock clock) {
        return open(config, clock, NodeClaims.forThisProcess());
    }

    /**
     * Opens and migrates the database as one of possibly several nodes sharing it, failing at once with a
     * {@link StorageException} naming the URL (never the password) when it cannot. On SQLite, which one
     * process owns, deliveries are deduplicated in memory and written behind; on PostgreSQL each is
     * claimed in the database, so nodes sharing it handle each delivery once.
     *
     * @param clock stamps check-ins (which orders leaderboard ties) and claims
     * @param node  names this node in claims and bounds how long it waits for another node's claim
     */
    public static Database open(StorageConfig config, Clock clock, NodeClaims node) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(node, "node");
        Dialect dialect = Dialect.of(config);
        try {
            dialect.prepare(config.url());
        } catch (IOException | InvalidPathException e) {
            throw new StorageException("cannot open database " + redacted(config.url())
                    + ": cannot create its directory (" + e + ")", e);
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(dialect.poolConfig(config));
        } catch (RuntimeException e) {
            throw failure("cannot open database", config, e);
        }
        try {
            migrate(dataSource, dialect, config);
        } catch (RuntimeException e) {
            dataSource.close();
            throw failure("cannot migrate database", config, e);
        }
        Transactions transactions = Transactions.of(dataSource, dialect.singleWriter());
        JdbcDeliveryLog deliveries = JdbcDeliveryLog.create(transactions);
        DeliveryLog deliveryLog;
        AutoCloseable deliveryWorker;
        if (dialect.sharedByNodes()) {
            ClaimingDeliveryLog claiming = ClaimingDeliveryLog.start(deliveries, clock, node);
            deliveryLog = claiming;
            deliveryWorker = claiming;
        } else {
            BatchingDeliveryLog batching = BatchingDeliveryLog.start(deliveries);
            deliveryLog = batching;
            deliveryWorker = batching;
        }
        BatchingMemberHistoryStore memberHistory = BatchingMemberHistoryStore.start(
                JdbcMemberHistoryStore.create(transactions), dialect.sharedByNodes());
        BatchingUnansweredStore unanswered = BatchingUnansweredStore.start(JdbcUnansweredStore.create(transactions));
        Stores stores = new Stores(
                JdbcCheckInStore.create(transactions, clock),
                JdbcWarningStore.create(transactions),
                JdbcFaqStore.create(transactions),
                JdbcScriptOverrideStore.create(transactions),
                deliveryLog,
                JdbcChatMarks.create(transactions),
                memberHistory,
                JdbcExampleStore.create(transactions),
                unanswered,
                JdbcFaqHitStore.create(transactions),
                JdbcOutboxStore.create(transactions, dialect == Dialect.POSTGRESQL),
                JdbcWelcomeStore.create(transactions),
                JdbcTimerStore.create(transactions, dialect));
        return new Database(dataSource, stores, List.of(deliveryWorker, memberHistory, unanswered));
    }

    /**
     * Loads the driver of the configured database (for SQLite its native library) ahead of {@link #open},
     * so that a caller can overlap it with other start-up work on another thread. Failing here is only
     * logged: {@code open} reports the same problem with its context.
     */
    public static void loadDriver(StorageConfig config) {
        try {
            Dialect.of(config).loadDriver();
        } catch (Exception | LinkageError e) {
            log.debug("Could not load the database driver ahead of opening: {}", e.toString());
        }
    }

    private static void migrate(DataSource dataSource, Dialect dialect, StorageConfig config) {
        long start = System.nanoTime();
        if (SchemaVersion.isCurrent(dataSource)) {
            log.info("Opened database {} in {} ms (schema current)", redacted(config.url()),
                    (System.nanoTime() - start) / 1_000_000);
            return;
        }
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                .load()
                .migrate();
        log.info("Opened database {} in {} ms ({} migrations applied now)", redacted(config.url()),
                (System.nanoTime() - start) / 1_000_000, result.migrationsExecuted);
    }

    public Stores stores() {
        return stores;
    }

    /** True when a connection can be had and answers within a second (for readiness checks). */
    public boolean isReachable() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The pooled connections, for health checks and tools; the stores cover normal use. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        for (AutoCloseable writer : writers) {
            try {
                writer.close();
            } catch (Exception e) {
                log.warn("Writing what a store still held failed", e);
            }
        }
        dataSource.close();
    }

    private static StorageException failure(String what, StorageConfig config, Exception cause) {
        String reason = scrub(innermostMessage(cause), config);
        return new StorageException(what + " " + redacted(config.url()) + ": " + reason, cause);
    }

    private static String innermostMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String scrub(String text, StorageConfig config) {
        String scrubbed = PASSWORD_IN_URL.matcher(text).replaceAll("$1***");
        return config.password().isEmpty() ? scrubbed : scrubbed.replace(config.password(), "***");
    }

    /** The URL with any password in it masked, for logs. */
    public static String redactedUrl(String url) {
        return redacted(url);
    }

    static String redacted(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }
}
