package dev.qunguan.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.action.Reply;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.TimerFired;
import dev.qunguan.store.Database;
import dev.qunguan.store.NodeClaims;
import dev.qunguan.store.TimerStore;
import dev.qunguan.testing.MutableClock;
import dev.qunguan.testing.TestStorage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timers in the database, fired by two nodes polling it: each fires exactly once, on one of them. */
final class StoredTimersTest {
    private static final Instant T = Instant.parse("2025-03-10T01:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(T);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    private Database database() {
        Database database = Database.open(TestStorage.forDirectory(dir), clock);
        open.add(database);
        return database;
    }

    /** A node's timers over its own connection to the shared database, recording what it fires. */
    private StoredTimers node(Database database, String name) {
        StoredTimers timers = StoredTimers.create(database.stores().timers(), clock,
                new NodeClaims(name, Duration.ofSeconds(15), Duration.ofSeconds(4)));
        open.add(timers);
        timers.start(event -> {
            fired.computeIfAbsent(((TimerFired) event).chat().chatId(), chat -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.completedFuture(Reply.none());
        }, reply -> CompletableFuture.completedFuture(null));
        return timers;
    }

    /** Waits (bounded) until no timer is left in the database: every one fired was also marked fired. */
    private static void awaitAllFired(Database database) throws Exception {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM scheduled_timer")) {
                count.next();
                if (count.getInt(1) == 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timers were left unfired");
    }

    @Test
    void timersAskedForOnTwoNodesFireOnceEach() throws Exception {
        Database first = database();
        Database second = database();
        StoredTimers a = node(first, "a");
        StoredTimers b = node(second, "b");
        int chats = 100;

        for (int i = 0; i < chats; i++) {
            (i % 2 == 0 ? a : b).wakeAt(ChatRef.of("test", Integer.toString(i)), "welcome", T);
        }
        awaitAllFired(first);

        assertThat(fired).hasSize(chats);
        assertThat(fired.values()).allMatch(count -> count.get() == 1);
    }

    @Test
    void aTimerClaimedByANodeThatDiedFiresOnAnotherOnceTheClaimLapses() throws InterruptedException {
        Database first = database();
        TimerStore store = first.stores().timers();
        store.schedule(ChatRef.of("test", "10000"), "welcome", T);
        assertThat(store.claimDue(T, "dead#1", T.plusSeconds(15))).hasSize(1);
        node(database(), "alive");

        clock.advance(Duration.ofSeconds(16));

        for (int attempt = 0; attempt < 1_000 && fired.isEmpty(); attempt++) {
            Thread.sleep(10);
        }
        assertThat(fired).containsOnlyKeys("10000");
    }
}
