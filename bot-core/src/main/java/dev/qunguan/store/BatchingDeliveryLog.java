package dev.qunguan.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery log of a database one process owns (SQLite), with group commit. Every event marks its
 * delivery, so one commit per event would make the single SQLite writer the bottleneck of the whole bot;
 * instead marks are held in memory until written (so a redelivery is recognised immediately) and written
 * in batches every few milliseconds. A crash can lose the last few milliseconds of marks: those
 * deliveries would be processed again if redelivered, which the effects tolerate (a second check-in on
 * the same day is refused). No other process claims deliveries here, so a claim is only a look-up and
 * {@link Claim#IN_PROGRESS_ELSEWHERE} never happens (a chat's events are handled one after another).
 *
 * <p>Nearly every delivery is new, and confirming that took a database look-up per event. A filter of
 * every stored key, loaded in the background at start, answers "never seen" without one; until it has
 * loaded, and whenever it says "maybe", the database is asked.
 */
final class BatchingDeliveryLog implements DeliveryLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingDeliveryLog.class);
    private final JdbcDeliveryLog durable;
    // Keys completed but not yet written (a few milliseconds' worth): the database cannot answer for them
    // yet. Repeats of written keys are found through the filter and the database; a cache of recent keys
    // cost an insert and an eviction per event.
    private final Set<String> unwritten = ConcurrentHashMap.newKeySet();
    private final GroupCommitQueue<Map.Entry<String, Instant>> marks;
    private final CountDownLatch storedLoaded = new CountDownLatch(1);
    private final Object loading = new Object();
    // Written once, under `loading`, before storedLoaded opens; keys completed meanwhile wait in `early`.
    private volatile @Nullable DeliveryKeyFilter stored;
    private final List<String> early = new ArrayList<>();
    private boolean loadFailed; // under `loading`

    private BatchingDeliveryLog(JdbcDeliveryLog durable) {
        this.durable = durable;
        this.marks = GroupCommitQueue.start("delivery log", this::write, 100_000);
        Thread.ofPlatform().daemon().name("qunguan-delivery-keys").start(this::loadStoredKeys);
    }

    static BatchingDeliveryLog start(JdbcDeliveryLog durable) {
        return new BatchingDeliveryLog(durable);
    }

    private void loadStoredKeys() {
        try {
            // room for a million new deliveries before its false-positive rate starts to rise
            DeliveryKeyFilter filter = DeliveryKeyFilter.forKeys(durable.count() + 1_000_000);
            durable.forEachKey(filter::add);
            synchronized (loading) {
                early.forEach(filter::add);
                early.clear();
                stored = filter;
            }
            storedLoaded.countDown();
        } catch (RuntimeException e) {
            synchronized (loading) {
                early.clear();
                loadFailed = true;
            }
            log.warn("could not read the stored delivery keys; every new delivery is looked up instead", e);
        }
    }

    /** Waits until the filter of stored keys has loaded; false if it has not within {@code patience}. */
    boolean awaitStoredKeys(Duration patience) throws InterruptedException {
        return storedLoaded.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void write(List<Map.Entry<String, Instant>> batch) {
        try {
            durable.markAllProcessed(batch);
        } finally {
            // also when the write failed: the keys are then as unrecorded as after a crash
            batch.forEach(mark -> unwritten.remove(mark.getKey()));
        }
    }

    @Override
    public Claim claim(String deliveryKey, Instant at) {
        if (unwritten.contains(deliveryKey)) {
            return Claim.REPEATED;
        }
        DeliveryKeyFilter filter = stored;
        boolean surelyNew = filter != null && !filter.mightContain(deliveryKey);
        return surelyNew || !durable.isProcessed(deliveryKey) ? Claim.CLAIMED : Claim.REPEATED;
    }

    @Override
    public void complete(String deliveryKey, Instant at) {
        if (!unwritten.add(deliveryKey)) {
            return;
        }
        remember(deliveryKey); // before it is written, so the filter never lacks a stored key
        if (!marks.offer(Map.entry(deliveryKey, at))) {
            write(List.of(Map.entry(deliveryKey, at))); // the writer is far behind: write through
        }
    }

    private void remember(String deliveryKey) {
        DeliveryKeyFilter filter = stored;
        if (filter == null) {
            synchronized (loading) {
                filter = stored;
                if (filter == null) {
                    if (!loadFailed) {
                        early.add(deliveryKey);
                    }
                    return;
                }
            }
        }
        filter.add(deliveryKey);
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
