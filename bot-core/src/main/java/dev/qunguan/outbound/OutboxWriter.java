package dev.qunguan.outbound;

import dev.qunguan.action.Action;
import dev.qunguan.store.OutboxOutcome;
import dev.qunguan.store.OutboxStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the outbox: one thread writes whatever accumulated in the last few milliseconds —
 * new rows in one transaction, outcomes in another — so a busy bot pays one commit per batch, not one per
 * reply. A new row's future completes only after its transaction committed.
 */
final class OutboxWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);
    private static final int MAX_BATCH = 1_000;
    private static final long FLUSH_EVERY_MILLIS = 5;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private sealed interface Work {}

    private record Append(List<Action> actions, CompletableFuture<Void> committed) implements Work {}

    private record Settle(OutboxOutcome outcome) implements Work {}

    private final OutboxStore store;
    private final String node;
    private final Clock clock;
    private final Runnable appended;
    private final Consumer<List<OutboxOutcome>> settled;
    private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param appended called after new rows committed
     * @param settled  called with outcomes after they committed
     */
    private OutboxWriter(OutboxStore store, String node, Clock clock, Runnable appended,
            Consumer<List<OutboxOutcome>> settled) {
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.appended = appended;
        this.settled = settled;
        this.thread = Thread.ofPlatform().daemon().name("qunguan-outbox-writer").unstarted(this::writeLoop);
    }

    static OutboxWriter start(OutboxStore store, String node, Clock clock, Runnable appended,
            Consumer<List<OutboxOutcome>> settled) {
        OutboxWriter writer = new OutboxWriter(store, node, clock, appended, settled);
        writer.thread.start();
        return writer;
    }

    /** Completes once the actions are committed, or exceptionally when they could not be. */
    CompletableFuture<Void> append(List<Action> actions) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        if (!running) {
            committed.completeExceptionally(new IllegalStateException("outbox writer closed"));
            return committed;
        }
        queue.add(new Append(List.copyOf(actions), committed));
        return committed;
    }

    void settle(OutboxOutcome outcome) {
        if (!running) {
            // A row that stays claimed is released at shutdown, or taken over once its lease ends.
            log.debug("Outbox writer closed; outcome of row {} not recorded", outcome.id());
            return;
        }
        queue.add(new Settle(outcome));
    }

    private void writeLoop() {
        List<Work> batch = new ArrayList<>();
        List<OutboxOutcome> unsettled = new ArrayList<>();
        while (running || !queue.isEmpty() || !unsettled.isEmpty()) {
            try {
                Work first = queue.poll(FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            List<Append> appends = new ArrayList<>();
            for (Work work : batch) {
                switch (work) {
                    case Append append -> appends.add(append);
                    case Settle settle -> unsettled.add(settle.outcome());
                }
            }
            batch.clear();
            writeAppends(appends);
            if (!writeOutcomes(unsettled) && !running) {
                log.warn("Outbox: {} outcomes not recorded at shutdown; those rows are sent again later",
                        unsettled.size());
                break;
            }
        }
        for (Work left; (left = queue.poll()) != null; ) {
            if (left instanceof Append append) {
                append.committed().completeExceptionally(new IllegalStateException("outbox writer closed"));
            }
        }
    }

    private void writeAppends(List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        List<Action> actions = new ArrayList<>();
        appends.forEach(append -> actions.addAll(append.actions()));
        try {
            store.append(actions, clock.instant());
        } catch (RuntimeException e) {
            log.error("Outbox: could not store {} actions", actions.size(), e);
            appends.forEach(append -> append.committed().completeExceptionally(e));
            return;
        }
        appends.forEach(append -> append.committed().complete(null));
        appended.run();
    }

    /** Writes the outcomes; on failure keeps them for the next round (the rows stay claimed meanwhile). */
    private boolean writeOutcomes(List<OutboxOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return true;
        }
        List<OutboxOutcome> written = List.copyOf(outcomes);
        try {
            store.settle(node, written);
        } catch (RuntimeException e) {
            log.warn("Outbox: could not record {} outcomes; trying again", written.size(), e);
            return false;
        }
        outcomes.clear();
        settled.accept(written);
        return true;
    }

    /** Writes what is queued and stops the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
