package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GroupCommitQueueTest {
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyRecordIsWrittenOnceAndInOrder() {
        GroupCommitQueue<Integer> queue = GroupCommitQueue.start("test records", this::record, 100_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(queue.offer(i)).isTrue();
        }

        queue.close();

        assertThat(written()).hasSize(10_000).isSorted();
    }

    @Test
    void aLingeringQueueGathersRecordsOfferedApartIntoOneBatch() throws InterruptedException {
        GroupCommitQueue<Integer> queue =
                GroupCommitQueue.start("test records", this::record, 100_000, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            queue.offer(i);
            Thread.sleep(20); // four times the unlingering writer's polling interval
        }

        queue.close();

        assertThat(batches).containsExactly(List.of(0, 1, 2));
    }

    @Test
    void closingALingeringQueueWritesWhatWaitsWithoutWaitingOutTheLinger() {
        GroupCommitQueue<Integer> queue =
                GroupCommitQueue.start("test records", this::record, 100_000, Duration.ofHours(1));
        for (int i = 0; i < 5_000; i++) {
            queue.offer(i);
        }

        queue.close();

        assertThat(written()).hasSize(5_000).isSorted();
        assertThat(batches).allSatisfy(batch -> assertThat(batch).isNotEmpty());
    }

    @Test
    void aFullQueueRefusesSoTheCallerCanWriteThrough() {
        GroupCommitQueue<Integer> queue =
                GroupCommitQueue.start("test records", this::record, 2, Duration.ofHours(1));

        assertThat(queue.offer(1)).isTrue();
        assertThat(queue.offer(2)).isTrue();
        assertThat(queue.offer(3)).isFalse();
        queue.close();
        assertThat(written()).containsExactly(1, 2);
    }

    /** The queue hands over a list it reuses: keep a copy. */
    private void record(List<Integer> batch) {
        batches.add(List.copyOf(batch));
    }

    private List<Integer> written() {
        synchronized (batches) {
            return batches.stream().flatMap(List::stream).toList();
        }
    }
}
