package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.qunguan.config.StorageConfig;
import dev.qunguan.event.ChatRef;
import dev.qunguan.testing.TestStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SchemaVersionTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void countsEveryMigrationOfTheDialect(String dialect) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", dialect))) {
            List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();

            assertThat(names).hasSize(SchemaVersion.MIGRATIONS)
                    .allSatisfy(name -> assertThat(name).matches("V[1-" + SchemaVersion.MIGRATIONS + "]__.+\\.sql"));
        }
    }

    @Test
    void aFreshDatabaseIsNotCurrentAndAMigratedOneIs() throws SQLException {
        StorageConfig storage = TestStorage.forDirectory(dir);
        try (HikariDataSource fresh = pool(storage)) {
            assertThat(SchemaVersion.isCurrent(fresh)).isFalse();
        }
        try (Database database = open(storage)) {
            database.stores().chatMarks().markOnce(GROUP, "intro", Instant.EPOCH);
        }
        try (HikariDataSource migrated = pool(storage)) {
            assertThat(SchemaVersion.isCurrent(migrated)).isTrue();
        }
    }

    @Test
    void aRestartOnACurrentSchemaKeepsTheData() {
        StorageConfig storage = TestStorage.forDirectory(dir);
        try (Database database = open(storage)) {
            assertThat(database.stores().chatMarks().markOnce(GROUP, "intro", Instant.EPOCH)).isTrue();
        }
        try (Database again = open(storage)) {
            assertThat(again.stores().chatMarks().markOnce(GROUP, "intro", Instant.EPOCH)).isFalse();
        }
    }

    @Test
    void aSchemaWithAMigrationThisBuildDoesNotKnowOrAFailedOneIsNotCurrent() throws SQLException {
        StorageConfig storage = TestStorage.forDirectory(dir);
        open(storage).close();
        try (HikariDataSource pool = pool(storage)) {
            execute(pool, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (99, '" + (SchemaVersion.MIGRATIONS + 1)
                    + "', 'later', 'SQL', 'V9__later.sql', 0, 'test', 0, " + bool(true) + ")");
            assertThat(SchemaVersion.isCurrent(pool)).isFalse();

            execute(pool, "DELETE FROM flyway_schema_history WHERE installed_rank = 99");
            assertThat(SchemaVersion.isCurrent(pool)).isTrue();

            execute(pool, "UPDATE flyway_schema_history SET success = " + bool(false) + " WHERE version = '1'");
            assertThat(SchemaVersion.isCurrent(pool)).isFalse();
        }
    }

    private static String bool(boolean value) {
        return TestStorage.onPostgres() ? Boolean.toString(value) : (value ? "1" : "0");
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Database open(StorageConfig storage) {
        return Database.open(storage, new SteppingClock(Instant.parse("2025-03-03T08:00:00Z")));
    }

    private static HikariDataSource pool(StorageConfig storage) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(storage.url());
        config.setUsername(storage.username().isEmpty() ? null : storage.username());
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }
}
