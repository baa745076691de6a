package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import dev.qunguan.testing.TestStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcTimerStoreTest {
    private static final Instant T = Instant.parse("2025-03-10T01:00:00Z");
    private static final ChatRef CHAT = ChatRef.of("test", "10000");
    private static final ChatRef OTHER = ChatRef.of("test", "20000");

    @TempDir
    Path dir;

    private Database database;
    private Database secondNode;
    private TimerStore timers;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        secondNode = Database.open(TestStorage.forDirectory(dir));
        timers = database.stores().timers();
    }

    @AfterEach
    void close() {
        secondNode.close();
        database.close();
    }

    @Test
    void onlyTimersDueAreClaimed() {
        timers.schedule(CHAT, "welcome", T.plusSeconds(10));
        timers.schedule(OTHER, "welcome", T.plusSeconds(30));

        assertThat(timers.claimDue(T, "a#1", T.plusSeconds(15))).isEmpty();
        assertThat(timers.claimDue(T.plusSeconds(10), "a#2", T.plusSeconds(25)))
                .containsExactly(new DueTimer(CHAT, "welcome", T.plusSeconds(10), "a#2"));
    }

    @Test
    void askingAgainKeepsTheEarlierTime() {
        timers.schedule(CHAT, "welcome", T.plusSeconds(10));
        timers.schedule(CHAT, "welcome", T.plusSeconds(20));
        timers.schedule(CHAT, "welcome", T.plusSeconds(5));

        assertThat(timers.claimDue(T.plusSeconds(60), "a#1", T.plusSeconds(75)))
                .extracting(DueTimer::dueAt).containsExactly(T.plusSeconds(5));
    }

    @Test
    void aClaimedTimerIsNotClaimedAgainUntilTheClaimLapses() {
        timers.schedule(CHAT, "welcome", T);
        assertThat(timers.claimDue(T, "a#1", T.plusSeconds(15))).hasSize(1);

        assertThat(secondNode.stores().timers().claimDue(T.plusSeconds(5), "b#1", T.plusSeconds(20))).isEmpty();
        assertThat(secondNode.stores().timers().claimDue(T.plusSeconds(16), "b#2", T.plusSeconds(31)))
                .extracting(DueTimer::claimant).containsExactly("b#2");
    }

    @Test
    void aFiredTimerIsGone() {
        timers.schedule(CHAT, "welcome", T);
        DueTimer due = timers.claimDue(T, "a#1", T.plusSeconds(15)).getFirst();

        timers.fired(due);

        assertThat(timers.claimDue(T.plusSeconds(60), "a#2", T.plusSeconds(75))).isEmpty();
    }

    @Test
    void aWakeUpAskedForWhileTheTimerFiresIsKept() {
        timers.schedule(CHAT, "welcome", T);
        DueTimer firing = timers.claimDue(T, "a#1", T.plusSeconds(15)).getFirst();

        timers.schedule(CHAT, "welcome", T.plusSeconds(20));
        timers.fired(firing);

        assertThat(timers.claimDue(T.plusSeconds(20), "a#2", T.plusSeconds(35)))
                .extracting(DueTimer::dueAt).containsExactly(T.plusSeconds(20));
    }

    @Test
    void twoNodesClaimingAtOnceNeverGetTheSameTimer() throws Exception {
        for (int i = 0; i < 200; i++) {
            timers.schedule(ChatRef.of("test", Integer.toString(i)), "welcome", T);
        }
        List<TimerStore> nodes = List.of(timers, secondNode.stores().timers(), timers, secondNode.stores().timers());
        ExecutorService pollers = Executors.newFixedThreadPool(nodes.size());
        List<DueTimer> claimed = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<DueTimer>>> polls = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                TimerStore node = nodes.get(n);
                String claimant = "node" + n;
                polls.add(pollers.submit(() -> {
                    go.await();
                    List<DueTimer> mine = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        mine.addAll(node.claimDue(T, claimant + "#" + round, T.plusSeconds(15)));
                    }
                    return mine;
                }));
            }
            go.countDown();
            for (Future<List<DueTimer>> poll : polls) {
                claimed.addAll(poll.get());
            }
        } finally {
            pollers.shutdownNow();
        }

        assertThat(claimed).hasSize(200);
        assertThat(claimed).extracting(DueTimer::chat).doesNotHaveDuplicates();
    }
}
