package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import dev.qunguan.testing.TestStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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

/** Check-ins and member histories written by two nodes (two opened databases) at the same time. */
final class SharedDatabaseTest {
    private static final Instant T = Instant.parse("2025-03-10T01:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2025-03-10");
    private static final ChatRef CHAT = ChatRef.of("test", "10000");

    @TempDir
    Path dir;

    private Database first;
    private Database second;

    @BeforeEach
    void open() {
        first = Database.open(TestStorage.forDirectory(dir));
        second = Database.open(TestStorage.forDirectory(dir));
    }

    @AfterEach
    void close() {
        second.close();
        first.close();
    }

    @Test
    void membersCheckingInOnBothNodesAtOnceSucceedOnceEachWithDistinctPlaces() throws Exception {
        int members = 30;
        List<CheckInStore> nodes = List.of(first.stores().checkIns(), second.stores().checkIns());
        List<CheckInResult> results = new ArrayList<>();
        ExecutorService lanes = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CheckInResult>> checkIns = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                UserRef member = UserRef.member("u" + m, "成员" + m);
                for (int copy = 0; copy < 4; copy++) {
                    CheckInStore node = nodes.get(copy % 2);
                    checkIns.add(lanes.submit(() -> {
                        go.await();
                        return node.checkIn(CHAT, member, "", DAY);
                    }));
                }
            }
            go.countDown();
            for (Future<CheckInResult> checkIn : checkIns) {
                results.add(checkIn.get());
            }
        } finally {
            lanes.shutdownNow();
        }

        List<CheckInResult> successes = results.stream().filter(CheckInResult::accepted).toList();
        assertThat(successes).hasSize(members);
        assertThat(successes).extracting(CheckInResult::orderToday).doesNotHaveDuplicates()
                .allMatch(place -> place >= 1 && place <= members);
        assertThat(first.stores().checkIns().topByTotal(CHAT, "", members + 1))
                .hasSize(members).allMatch(entry -> entry.value() == 1);
    }

    /** Waits (bounded) until the written-behind history reaches the database. */
    private void awaitStoredCleanMessages(int expected) throws InterruptedException {
        JdbcMemberHistoryStore stored = JdbcMemberHistoryStore.create(
                Transactions.of(first.dataSource(), !TestStorage.onPostgres()));
        for (int attempt = 0; attempt < 500; attempt++) {
            if (stored.find(CHAT, "u1").map(MemberHistory::cleanMessages).orElse(-1) == expected) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the stored history never reached " + expected + " clean messages");
    }

    @Test
    void cleanMessagesCountedOnTwoNodesAddUp() {
        for (int i = 0; i < 7; i++) {
            first.stores().memberHistory().recordClean(CHAT, "u1", T);
            second.stores().memberHistory().recordClean(CHAT, "u1", T);
        }
        first.close();
        second.close();

        first = Database.open(TestStorage.forDirectory(dir));
        second = Database.open(TestStorage.forDirectory(dir));

        assertThat(first.stores().memberHistory().find(CHAT, "u1")).get()
                .extracting(MemberHistory::cleanMessages).isEqualTo(14);
    }

    @Test
    void aViolationOnOneNodeIsNotUndoneByTheOthersOlderCount() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            second.stores().memberHistory().recordClean(CHAT, "u1", T);
        }
        awaitStoredCleanMessages(10);
        first.stores().memberHistory().recordViolation(CHAT, "u1", T);
        awaitStoredCleanMessages(0);
        // The second node still holds 10 in memory; what it writes must not put them back.
        second.stores().memberHistory().recordClean(CHAT, "u1", T);
        second.close();
        first.close();

        first = Database.open(TestStorage.forDirectory(dir));
        second = Database.open(TestStorage.forDirectory(dir));

        assertThat(first.stores().memberHistory().find(CHAT, "u1")).get()
                .extracting(MemberHistory::cleanMessages).isEqualTo(1);
    }
}
