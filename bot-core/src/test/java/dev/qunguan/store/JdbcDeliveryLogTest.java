package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.store.DeliveryLog.Claim;
import dev.qunguan.testing.MutableClock;
import dev.qunguan.testing.TestStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery log the database hands out, and the claims nodes sharing a database make (tested here
 * on whichever backend the suite runs on, as two claiming logs over one database).
 */
final class JdbcDeliveryLogTest {
    private static final Instant START = Instant.parse("2025-03-10T01:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(START);
    private final List<AutoCloseable> open = new ArrayList<>();
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir), clock);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        database.close();
    }

    /** Another node's delivery log over the same database. */
    private ClaimingDeliveryLog node(String name, Duration patience) {
        Transactions transactions = Transactions.of(database.dataSource(), !TestStorage.onPostgres());
        ClaimingDeliveryLog node = ClaimingDeliveryLog.start(JdbcDeliveryLog.create(transactions), clock,
                new NodeClaims(name, Duration.ofSeconds(15), patience));
        open.add(node);
        return node;
    }

    @Test
    void aCompletedDeliveryIsRepeatedFromThenOn() {
        DeliveryLog deliveries = database.stores().deliveries();

        assertThat(deliveries.claim("onebot:msg-1", START)).isEqualTo(Claim.CLAIMED);
        deliveries.complete("onebot:msg-1", START);

        assertThat(deliveries.claim("onebot:msg-1", START)).isEqualTo(Claim.REPEATED);
        assertThat(deliveries.claim("onebot:msg-2", START)).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aDeliveryStoredBeforeARestartIsRepeatedOnceTheStoredKeysHaveLoaded() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStorage.onPostgres(), "SQLite's own delivery log only");
        DeliveryLog before = database.stores().deliveries();
        for (int i = 0; i < 100_000; i++) {
            before.complete("onebot:old-" + i, START); // more than the in-memory set of recent keys holds
        }
        database.close();
        database = Database.open(TestStorage.forDirectory(dir), clock);
        BatchingDeliveryLog after = (BatchingDeliveryLog) database.stores().deliveries();

        assertThat(after.awaitStoredKeys(Duration.ofMinutes(1))).isTrue();

        assertThat(after.claim("onebot:old-0", START)).isEqualTo(Claim.REPEATED);
        assertThat(after.claim("onebot:old-99999", START)).isEqualTo(Claim.REPEATED);
        assertThat(after.claim("onebot:new-1", START)).isEqualTo(Claim.CLAIMED);
        after.complete("onebot:new-1", START);
        assertThat(after.claim("onebot:new-1", START)).isEqualTo(Claim.REPEATED);
    }

    @Test
    void aCompletedDeliveryIsStillRepeatedAfterReopening() {
        database.stores().deliveries().claim("onebot:msg-1", START);
        database.stores().deliveries().complete("onebot:msg-1", START);
        database.close();

        database = Database.open(TestStorage.forDirectory(dir), clock);

        assertThat(database.stores().deliveries().claim("onebot:msg-1", START)).isEqualTo(Claim.REPEATED);
    }

    @Test
    void ofTwoNodesGettingTheSameDeliveriesAtOnceExactlyOneHandlesEach() throws Exception {
        ClaimingDeliveryLog a = node("a", Duration.ofSeconds(20));
        ClaimingDeliveryLog b = node("b", Duration.ofSeconds(20));
        int deliveries = 300;
        Map<String, List<Claim>> outcomes = new ConcurrentHashMap<>();
        ExecutorService lanes = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                String key = "onebot:msg-" + i;
                for (ClaimingDeliveryLog node : List.of(a, b)) {
                    done.add(lanes.submit(() -> {
                        go.await();
                        Claim claim = node.claim(key, START);
                        if (claim == Claim.CLAIMED) {
                            node.complete(key, START);
                        }
                        outcomes.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(claim);
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            lanes.shutdownNow();
        }

        assertThat(outcomes).hasSize(deliveries);
        outcomes.forEach((key, claims) ->
                assertThat(claims).as(key).containsExactlyInAnyOrder(Claim.CLAIMED, Claim.REPEATED));
    }

    @Test
    void aDeliveryAnotherNodeIsHandlingIsLeftAloneUntilItsLeaseLapses() {
        ClaimingDeliveryLog dead = node("dead", Duration.ofSeconds(20));
        ClaimingDeliveryLog alive = node("alive", Duration.ofMillis(300));
        assertThat(dead.claim("onebot:msg-1", START)).isEqualTo(Claim.CLAIMED);

        assertThat(alive.claim("onebot:msg-1", START)).isEqualTo(Claim.IN_PROGRESS_ELSEWHERE);

        clock.advance(Duration.ofSeconds(16));
        assertThat(alive.claim("onebot:msg-1", clock.instant())).isEqualTo(Claim.CLAIMED);
        alive.complete("onebot:msg-1", clock.instant());
        assertThat(dead.claim("onebot:msg-1", clock.instant())).isEqualTo(Claim.REPEATED);
    }

    @Test
    void aRedeliveryWaitsForTheNodeHandlingItAndIsThenRepeated() throws Exception {
        ClaimingDeliveryLog first = node("first", Duration.ofSeconds(20));
        ClaimingDeliveryLog second = node("second", Duration.ofSeconds(20));
        assertThat(first.claim("onebot:msg-1", START)).isEqualTo(Claim.CLAIMED);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Claim> waiting = other.submit(() -> second.claim("onebot:msg-1", START));

            first.complete("onebot:msg-1", START);

            assertThat(waiting.get()).isEqualTo(Claim.REPEATED);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aReleasedClaimIsHandledAgainAtOnce() {
        ClaimingDeliveryLog first = node("first", Duration.ofSeconds(20));
        ClaimingDeliveryLog second = node("second", Duration.ofSeconds(20));
        assertThat(first.claim("onebot:msg-1", START)).isEqualTo(Claim.CLAIMED);

        first.release("onebot:msg-1");

        assertThat(second.claim("onebot:msg-1", START)).isEqualTo(Claim.CLAIMED);
    }
}
