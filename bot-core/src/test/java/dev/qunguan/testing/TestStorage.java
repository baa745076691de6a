package dev.qunguan.testing;

import dev.qunguan.config.StorageConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Storage for tests on the backend CI asks for: SQLite files by default, a real PostgreSQL with
 * {@code -Dqunguan.test.backend=postgresql} (one embedded server per test JVM, a fresh database per
 * test directory, the same database again for the same directory so restarts see their data).
 */
public final class TestStorage {
    private static final String BACKEND = System.getProperty("qunguan.test.backend", "sqlite");
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static volatile EmbeddedPostgres postgres;

    private TestStorage() {}

    public static boolean onPostgres() {
        return BACKEND.equals("postgresql");
    }

    /** Storage for one test, kept under {@code dir} (SQLite) or in a database named after it (PostgreSQL). */
    public static StorageConfig forDirectory(Path dir) {
        if (!onPostgres()) {
            return new StorageConfig("jdbc:sqlite:" + dir.resolve("qunguan.db"), "", "", 4);
        }
        String database = DATABASES.computeIfAbsent(dir.toAbsolutePath(), d -> createDatabase());
        return new StorageConfig(server().getJdbcUrl("postgres", database), "postgres", "", 4);
    }

    /** The {@code storage:} block of a qunguan.yaml for the same storage. */
    public static String yaml(Path dir) {
        StorageConfig config = forDirectory(dir);
        return "storage:\n  url: " + config.url() + "\n"
                + (config.username().isEmpty() ? "" : "  username: " + config.username() + "\n");
    }

    private static String createDatabase() {
        String name = "qunguan_test_" + NEXT.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return name;
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            synchronized (TestStorage.class) {
                if (postgres == null) {
                    try {
                        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try {
                                started.close();
                            } catch (IOException e) {
                                // the JVM is ending; the temporary cluster goes with it
                            }
                        }));
                        postgres = started;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                    }
                }
            }
        }
        return postgres;
    }
}
