package dev.qunguan.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger log = LoggerFactory.getLogger(BatchingDeliveryLog.class);
    private static final int MAX_BATCH = 2_000;
    private static final long FLUSH_EVERY_MILLIS = 5;

    private final JdbcDeliveryLog durable;
    private final Cache<String, Boolean> recent = Caffeine.newBuilder().maximumSize(50_000).build();
    private final LinkedBlockingQueue<Map.Entry<String, Instant>> pending = new LinkedBlockingQueue<>(100_000);
    private final Thread writer;
    private volatile boolean running = true;

    private BatchingDeliveryLog(JdbcDeliveryLog durable) {
        this.durable = durable;
        this.writer = Thread.ofPlatform().daemon().name("qunguan-delivery-log").unstarted(this::writeLoop);
    }

    static BatchingDeliveryLog start(JdbcDeliveryLog durable) {
        BatchingDeliveryLog deliveryLog = new BatchingDeliveryLog(durable);
        deliveryLog.writer.start();
        return deliveryLog;
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
        if (!pending.offer(Map.entry(deliveryKey, at))) {
            durable.markAllProcessed(List.of(Map.entry(deliveryKey, at))); // the writer is far behind: write through
        }
    }

    @Override
    public void release(String deliveryKey) {
        // Nothing was recorded for the claim.
    }

    private void writeLoop() {
        List<Map.Entry<String, Instant>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !pending.isEmpty()) {
            try {
                Map.Entry<String, Instant> first = pending.poll(FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                durable.markAllProcessed(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                log.warn("could not record {} processed deliveries; they stay deduplicated in memory", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes what is pending and stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
