package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import dev.qunguan.testing.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BatchingMemberHistoryStoreTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "group-1");
    private static final ChatRef OTHER_GROUP = ChatRef.of("onebot", "group-2");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void updatesAreVisibleAtOnce() {
        try (Database database = Database.open(TestStorage.forDirectory(dir))) {
            MemberHistoryStore history = database.stores().memberHistory();

            history.recordClean(GROUP, "7", T0);
            assertThat(history.find(GROUP, "7")).contains(new MemberHistory(T0, 1));
            history.recordClean(GROUP, "7", T0.plusSeconds(1));
            history.recordClean(GROUP, "7", T0.plusSeconds(2));
            assertThat(history.find(GROUP, "7")).contains(new MemberHistory(T0, 3));
            history.recordViolation(GROUP, "7", T0.plusSeconds(3));
            assertThat(history.find(GROUP, "7")).contains(new MemberHistory(T0, 0));
            history.recordClean(GROUP, "7", T0.plusSeconds(4));

            assertThat(history.find(GROUP, "7")).contains(new MemberHistory(T0, 1));
            assertThat(history.find(OTHER_GROUP, "7")).isEmpty();
        }
    }

    @Test
    void countsAndFirstSeenTimesSurviveClosingAndReopeningTheDatabase() {
        try (Database database = Database.open(TestStorage.forDirectory(dir))) {
            MemberHistoryStore history = database.stores().memberHistory();
            history.recordClean(GROUP, "7", T0);
            history.recordClean(GROUP, "7", T0.plusSeconds(60));
            history.recordViolation(GROUP, "8", T0.plusSeconds(5));
            history.recordClean(GROUP, "8", T0.plusSeconds(6));
            history.recordViolation(OTHER_GROUP, "9", T0.plusSeconds(7));
        }

        try (Database reopened = Database.open(TestStorage.forDirectory(dir))) {
            MemberHistoryStore history = reopened.stores().memberHistory();

            assertThat(history.find(GROUP, "7")).contains(new MemberHistory(T0, 2));
            assertThat(history.find(GROUP, "8")).contains(new MemberHistory(T0.plusSeconds(5), 1));
            assertThat(history.find(OTHER_GROUP, "9")).contains(new MemberHistory(T0.plusSeconds(7), 0));

            history.recordClean(GROUP, "7", T0.plusSeconds(120));
            assertThat(history.find(GROUP, "7")).contains(new MemberHistory(T0, 3));
        }
    }

    @Test
    void concurrentCleanMessagesOfOneMemberAreAllCounted() throws Exception {
        int threads = 8;
        int messagesEach = 500;
        try (Database database = Database.open(TestStorage.forDirectory(dir))) {
            MemberHistoryStore history = database.stores().memberHistory();
            history.recordClean(GROUP, "7", T0);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> senders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    senders.add(pool.submit(() -> {
                        for (int i = 0; i < messagesEach; i++) {
                            history.recordClean(GROUP, "7", T0.plusSeconds(1));
                        }
                    }));
                }
                for (Future<?> sender : senders) {
                    sender.get();
                }
            } finally {
                pool.shutdown();
            }

            assertThat(history.find(GROUP, "7")).contains(new MemberHistory(T0, 1 + threads * messagesEach));
        }

        try (Database reopened = Database.open(TestStorage.forDirectory(dir))) {
            assertThat(reopened.stores().memberHistory().find(GROUP, "7"))
                    .contains(new MemberHistory(T0, 1 + threads * messagesEach));
        }
    }

    @Test
    void manyMembersAreAllWritten() {
        int members = 5_000;
        try (Database database = Database.open(TestStorage.forDirectory(dir))) {
            MemberHistoryStore history = database.stores().memberHistory();
            for (int i = 0; i < members; i++) {
                history.recordClean(GROUP, "u" + i, T0.plusMillis(i));
                history.recordClean(GROUP, "u" + i, T0.plusSeconds(10));
            }
        }

        try (Database reopened = Database.open(TestStorage.forDirectory(dir))) {
            MemberHistoryStore history = reopened.stores().memberHistory();
            for (int i = 0; i < members; i++) {
                assertThat(history.find(GROUP, "u" + i)).contains(new MemberHistory(T0.plusMillis(i), 2));
            }
        }
    }

    @Test
    void updatesBeyondTheUnflushedBoundAreWrittenThroughAndNoneIsLost() {
        try (Database database = Database.open(TestStorage.forDirectory(dir))) {
            JdbcMemberHistoryStore durable = JdbcMemberHistoryStore.create(
                    Transactions.of(database.dataSource(), !TestStorage.onPostgres()));
            try (BatchingMemberHistoryStore history = BatchingMemberHistoryStore.start(durable, 1)) {
                for (int i = 0; i < 50; i++) {
                    history.recordClean(GROUP, "u" + (i % 10), T0);
                }
                history.recordViolation(GROUP, "u3", T0.plusSeconds(1));

                assertThat(history.find(GROUP, "u0")).contains(new MemberHistory(T0, 5));
                assertThat(history.find(GROUP, "u3")).contains(new MemberHistory(T0, 0));
            }

            for (int i = 0; i < 10; i++) {
                assertThat(durable.find(GROUP, "u" + i)).contains(new MemberHistory(T0, i == 3 ? 0 : 5));
            }
        }
    }
}
