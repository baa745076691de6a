package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qunguan.config.StorageConfig;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DatabaseTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    @TempDir
    Path dir;

    private StorageConfig sqlite(Path file) {
        return new StorageConfig("jdbc:sqlite:" + file, "", "", 4);
    }

    private Database open(Path file) {
        return Database.open(sqlite(file), new SteppingClock(Instant.parse("2025-03-03T08:00:00Z")));
    }

    @Test
    void createsTheMissingDirectoryOfTheDatabaseFile() {
        Path file = dir.resolve("data/nested/qunguan.db");

        try (Database database = open(file)) {
            assertThat(database.stores().chatMarks().markOnce(GROUP, "intro", Instant.EPOCH)).isTrue();
        }

        assertThat(file).isRegularFile();
    }

    @Test
    void appliesWalNormalSyncBusyTimeoutAndForeignKeysOnEveryConnection() throws SQLException {
        try (Database database = open(dir.resolve("qunguan.db"));
                Connection connection = database.dataSource().getConnection()) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).isEqualTo("1");
            assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
            assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void keepsCheckInsAcrossARestart() {
        Path file = dir.resolve("qunguan.db");
        UserRef member = UserRef.member("a", "小明");
        try (Database database = open(file)) {
            database.stores().checkIns().checkIn(GROUP, member, "", MONDAY);
        }

        try (Database reopened = open(file)) {
            CheckInStore checkIns = reopened.stores().checkIns();
            assertThat(checkIns.checkIn(GROUP, member, "", MONDAY).accepted()).isFalse();
            assertThat(checkIns.checkIn(GROUP, member, "", MONDAY.plusDays(1)))
                    .isEqualTo(new CheckInResult(true, 1, 2, 2));
        }
    }

    @Test
    void concurrentCheckInsAcceptExactlyOnePerMemberAndDayWithoutBusyErrors() throws Exception {
        int threads = 4;
        int members = 50;
        int days = 4;
        try (Database database = open(dir.resolve("qunguan.db"))) {
            CheckInStore checkIns = database.stores().checkIns();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Outcome>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // Every thread tries every member and day, each in its own order, so days also arrive late.
                List<Attempt> plan = new ArrayList<>();
                for (int m = 0; m < members; m++) {
                    for (int d = 0; d < days; d++) {
                        plan.add(new Attempt("m" + m, MONDAY.plusDays(d)));
                    }
                }
                Collections.shuffle(plan, new Random(t));
                Callable<List<Outcome>> task = () -> {
                    start.await();
                    List<Outcome> done = new ArrayList<>();
                    for (Attempt attempt : plan) {
                        done.add(new Outcome(attempt, checkIns.checkIn(
                                GROUP, UserRef.member(attempt.userId(), attempt.userId()), "", attempt.day())));
                    }
                    return done;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            pool.shutdown();

            List<Outcome> accepted = all.stream().filter(o -> o.result().accepted()).toList();
            assertThat(all).hasSize(threads * members * days);
            assertThat(accepted).hasSize(members * days);
            assertThat(accepted).extracting(Outcome::attempt).doesNotHaveDuplicates();
            Map<LocalDate, List<Integer>> placesByDay = new HashMap<>();
            for (Outcome outcome : accepted) {
                placesByDay.computeIfAbsent(outcome.attempt().day(), d -> new ArrayList<>())
                        .add(outcome.result().orderToday());
            }
            List<Integer> onePerPlace = new ArrayList<>();
            for (int place = 1; place <= members; place++) {
                onePerPlace.add(place);
            }
            assertThat(placesByDay).hasSize(days)
                    .allSatisfy((day, places) -> assertThat(places).containsExactlyInAnyOrderElementsOf(onePerPlace));
            assertThat(checkIns.topByStreak(GROUP, "", MONDAY.plusDays(days - 1), members))
                    .hasSize(members)
                    .allSatisfy(entry -> assertThat(entry.value()).isEqualTo(days));
            assertThat(checkIns.topByTotal(GROUP, "", members))
                    .allSatisfy(entry -> assertThat(entry.value()).isEqualTo(days));
        }
    }

    private record Attempt(String userId, LocalDate day) {}

    private record Outcome(Attempt attempt, CheckInResult result) {}

    @Test
    void failsWithTheUrlWhenTheDirectoryCannotBeCreated() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        StorageConfig config = sqlite(blocker.resolve("qunguan.db"));

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot open database " + config.url() + ": cannot create its directory");
    }

    @Test
    void failsWithTheUrlWhenTheFileIsNotADatabase() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.write(garbage, "this is not an SQLite file, just text long enough to fill a header page"
                .repeat(100).getBytes(StandardCharsets.UTF_8));
        StorageConfig config = sqlite(garbage);

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(config.url())
                .hasMessageContaining("not a database");
    }

    @Test
    void neverPutsThePasswordInTheFailureMessage() {
        StorageConfig config = new StorageConfig(
                "jdbc:postgresql://127.0.0.1:1/qunguan?password=s3cret-in-url", "bot", "s3cret", 1);

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/qunguan?password=***")
                .hasMessageNotContaining("s3cret");
    }
}
