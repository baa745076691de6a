package dev.qunguan.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Tells whether a database already has exactly this build's schema, so that a restart can skip Flyway:
 * setting Flyway up and scanning and validating its migrations was about a quarter of the main thread's
 * work in a cold start. Anything else (a fresh database, a missing, failed or unknown migration) goes
 * through Flyway, which migrates or refuses as before.
 */
final class SchemaVersion {
    /** The migrations V1 … V{@value} of each dialect in {@code db/migration}; raise it with every new one. */
    static final int MIGRATIONS = 5;

    private SchemaVersion() {}

    static boolean isCurrent(DataSource dataSource) {
        Set<String> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(rows.getString(1));
            }
        } catch (SQLException noHistoryYet) {
            return false;
        }
        Set<String> expected = new HashSet<>();
        for (int version = 1; version <= MIGRATIONS; version++) {
            expected.add(Integer.toString(version));
        }
        return applied.equals(expected);
    }
}
