package dev.qunguan.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The delivery log of a database one process owns (SQLite), with group commit. Every event marks its
 * delivery, so one commit per event would make the single SQLite writer the bottleneck of the whole bot;
 * instead marks are remembered in memory at once (so a redelivery is recognised immediately) and written
 * in batches every few milliseconds. A crash can lose the last few milliseconds of marks: those
 * deliveries would be processed again if redelivered, which the effects tolerate (a second check-in on
 * the same day is refused). No other process claims deliveries here, so a claim is only a look-up and
 * {@link Claim#IN_PROGRESS_ELSEWHERE} never happens (a chat's events are handled one after another).
 */
final class BatchingDeliveryLog implements DeliveryLog, AutoCloseable {
    private final JdbcDeliveryLog durable;
    private final Cache<String, Boolean> recent = Caffeine.newBuilder().maximumSize(50_000).build();
    private final GroupCommitQueue<Map.Entry<String, Instant>> marks;

    private BatchingDeliveryLog(JdbcDeliveryLog durable) {
        this.durable = durable;
        this.marks = GroupCommitQueue.start("delivery log", durable::markAllProcessed, 100_000);
    }

    static BatchingDeliveryLog start(JdbcDeliveryLog durable) {
        return new BatchingDeliveryLog(durable);
    }

    @Override
    public Claim claim(String deliveryKey, Instant at) {
        boolean handled = recent.getIfPresent(deliveryKey) != null || durable.isProcessed(deliveryKey);
        return handled ? Claim.REPEATED : Claim.CLAIMED;
    }

    @Override
    public void complete(String deliveryKey, Instant at) {
        if (recent.asMap().putIfAbsent(deliveryKey, Boolean.TRUE) != null) {
            return;
        }
        if (!marks.offer(Map.entry(deliveryKey, at))) {
            durable.markAllProcessed(List.of(Map.entry(deliveryKey, at))); // the writer is far behind: write through
        }
    }

    @Override
    public void release(String deliveryKey) {
        // Nothing was recorded for the claim.
    }

    /** Writes what is pending and stops the writer. */
    @Override
    public void close() {
        marks.close();
    }
}
