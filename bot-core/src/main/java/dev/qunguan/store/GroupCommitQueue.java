package dev.qunguan.store;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes small records behind the caller, many per transaction: one commit per record would make the
 * single SQLite writer the bottleneck of the whole bot. A daemon thread takes what was queued every few
 * milliseconds, oldest first, and hands it to the batch writer in one call. A reader that must see every
 * record queued so far calls {@link #flush()}, which writes them in its own thread; batches are written
 * one at a time and in queue order, whoever writes them.
 *
 * <p>A queue may also <em>linger</em>: its writer then waits that long between rounds and writes all that
 * gathered meanwhile. For records whose loss in a crash costs little, this trades the last moments of them
 * for far fewer commits, each record once however often it changed, and index pages written once per round.
 */
final class GroupCommitQueue<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitQueue.class);
    private static final int MAX_BATCH = 2_000;
    private static final long FLUSH_EVERY_MILLIS = 5;

    private final String what;
    private final Consumer<List<T>> writeBatch;
    private final LinkedBlockingQueue<T> pending;
    // Held while a batch is taken from the queue and written, so batches never overtake each other; fair,
    // so a reader waiting to flush gets it as soon as the writer lets go.
    private final ReentrantLock writing = new ReentrantLock(true);
    private final Thread writer;
    private final long lingerNanos;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean running = true;

    private GroupCommitQueue(String what, Consumer<List<T>> writeBatch, int capacity, Duration linger) {
        this.what = what;
        this.writeBatch = writeBatch;
        this.lingerNanos = linger.toNanos();
        this.pending = new LinkedBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().daemon().name("qunguan-" + what.replace(' ', '-')).unstarted(this::writeLoop);
    }

    /**
     * @param what       names the records in the writer thread's name and in log lines
     * @param writeBatch writes one batch in one transaction
     * @param capacity   records queued at most; beyond it {@link #offer} refuses
     */
    static <T> GroupCommitQueue<T> start(String what, Consumer<List<T>> writeBatch, int capacity) {
        return start(what, writeBatch, capacity, Duration.ZERO);
    }

    /** @param linger how long the writer waits between rounds of writing (until closed) */
    static <T> GroupCommitQueue<T> start(String what, Consumer<List<T>> writeBatch, int capacity, Duration linger) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger: " + linger + " (expected: >= 0)");
        }
        GroupCommitQueue<T> queue = new GroupCommitQueue<>(what, writeBatch, capacity, linger);
        queue.writer.start();
        return queue;
    }

    /** Queues a record; false when the writer is that far behind (the caller then writes it through). */
    boolean offer(T record) {
        return pending.offer(record);
    }

    /** Writes everything queued before this call, in the calling thread unless the writer is at it. */
    void flush() {
        writing.lock();
        try {
            List<T> batch = new ArrayList<>();
            while (pending.drainTo(batch, MAX_BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    private void writeLoop() {
        List<T> batch = new ArrayList<>(MAX_BATCH);
        while (running || !pending.isEmpty()) {
            if (lingerNanos > 0 && running) {
                awaitClosing(lingerNanos);
            }
            writing.lock();
            try {
                T first = pending.poll(FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    pending.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                    batch.clear();
                    // a lingering round writes everything that gathered, in batches
                    while (lingerNanos > 0 && pending.drainTo(batch, MAX_BATCH) > 0) {
                        write(batch);
                        batch.clear();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                writing.unlock();
                batch.clear();
            }
        }
    }

    private void awaitClosing(long nanos) {
        try {
            closing.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void write(List<T> batch) {
        try {
            writeBatch.accept(batch);
        } catch (RuntimeException e) {
            // Retrying could hold close() forever; what the records stand for is kept in memory by the owner.
            log.warn("could not write {} {}", batch.size(), what, e);
        }
    }

    /** Writes what is pending and stops the writer. */
    @Override
    public void close() {
        running = false;
        closing.countDown();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
