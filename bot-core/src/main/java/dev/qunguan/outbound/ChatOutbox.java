package dev.qunguan.outbound;

import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.store.OutboxRow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat's outgoing lane. Deliveries are chained so the adapter sees them in order, one at a time;
 * messages over budget are held and later go out merged into one. When a delivery reports that the chat
 * must wait, everything queued or held behind it is handed back unsent, so nothing overtakes it.
 */
final class ChatOutbox {
    private static final Logger log = LoggerFactory.getLogger(ChatOutbox.class);
    /**
     * Upper bound on one wait for a token. The clock may be stepped (NTP, tests), so a long wait computed
     * from it is re-checked instead of trusted.
     */
    private static final Duration MAX_RECHECK = Duration.ofMillis(200);
    private static final Segment MESSAGE_SEPARATOR = new Segment.Text("\n");

    private final ChatRef chat;
    private final TokenBucket budget;
    private final int maxHeld;
    private final ScheduledExecutorService scheduler;
    private final Courier courier;
    private final ActionMetrics metrics;
    private final ArrayDeque<Parcel> held = new ArrayDeque<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private boolean checkScheduled;
    // Parcels queued under an older epoch are handed back instead of delivered: the chat stalled after them.
    private long epoch;

    ChatOutbox(
            ChatRef chat,
            TokenBucket budget,
            int maxHeld,
            ScheduledExecutorService scheduler,
            Courier courier,
            ActionMetrics metrics) {
        this.chat = chat;
        this.budget = budget;
        this.maxHeld = maxHeld;
        this.scheduler = scheduler;
        this.courier = courier;
        this.metrics = metrics;
    }

    synchronized void offer(Parcel parcel) {
        switch (parcel.action()) {
            case SendMessage message -> offerMessage(parcel);
            case DeleteMessage delete -> enqueue(parcel);
            case MuteMember mute -> enqueue(parcel);
            case RemoveMember remove -> enqueue(parcel);
        }
    }

    /** A slot for a message sent some other way; refused while held messages wait, so none is overtaken. */
    synchronized boolean tryAcquire() {
        return held.isEmpty() && budget.tryTake();
    }

    /** Sends whatever is held right away, over budget, as one message; used at shutdown. */
    synchronized CompletableFuture<Void> flush() {
        if (!held.isEmpty()) {
            enqueue(mergeHeld());
        }
        return tail;
    }

    /**
     * Stops: nothing queued or held is delivered any more, it is handed back instead. A delivery already
     * under way finishes; the returned future completes when it has.
     */
    synchronized CompletableFuture<Void> stop() {
        stall(epoch);
        return tail;
    }

    private void offerMessage(Parcel parcel) {
        if (held.isEmpty() && budget.tryTake()) {
            enqueue(parcel);
            return;
        }
        if (held.size() >= maxHeld) {
            Parcel oldest = held.removeFirst();
            metrics.counted(oldest.action(), ActionMetrics.DROPPED);
            courier.drop(oldest);
            log.warn("Chat {} holds {} messages over budget; dropping the oldest", chat, maxHeld);
        }
        held.addLast(parcel);
        scheduleCheck();
    }

    private void scheduleCheck() {
        if (checkScheduled) {
            return;
        }
        Duration wait = budget.untilNextToken();
        if (wait.compareTo(MAX_RECHECK) > 0) {
            wait = MAX_RECHECK;
        }
        try {
            scheduler.schedule(this::check, wait.toNanos(), TimeUnit.NANOSECONDS);
            checkScheduled = true;
        } catch (RejectedExecutionException stopped) {
            log.warn("Scheduler stopped; {} held messages for chat {} wait for shutdown", held.size(), chat);
        }
    }

    private synchronized void check() {
        checkScheduled = false;
        if (held.isEmpty()) {
            return;
        }
        if (budget.tryTake()) {
            enqueue(mergeHeld());
        } else {
            scheduleCheck();
        }
    }

    private Parcel mergeHeld() {
        if (held.size() == 1) {
            return held.removeFirst();
        }
        int count = held.size();
        List<Segment> segments = new ArrayList<>();
        List<OutboxRow> rows = new ArrayList<>();
        for (Parcel parcel : held) {
            if (!segments.isEmpty()) {
                segments.add(MESSAGE_SEPARATOR);
            }
            segments.addAll(((SendMessage) parcel.action()).message().segments());
            rows.addAll(parcel.rows());
        }
        held.clear();
        metrics.merged(chat.platform(), count);
        return new Parcel(new SendMessage(chat, new Message(segments)), rows);
    }

    private void enqueue(Parcel parcel) {
        long queuedIn = epoch;
        // Each delivery starts after the previous one finished, on the scheduler, never on the caller.
        try {
            tail = tail.exceptionally(ignored -> null)
                    .thenComposeAsync(done -> deliver(parcel, queuedIn), scheduler);
        } catch (RejectedExecutionException stopped) {
            log.warn("Scheduler stopped; {} for chat {} not sent", ActionMetrics.kind(parcel.action()), chat);
            courier.handBack(parcel);
        }
    }

    private CompletableFuture<Void> deliver(Parcel parcel, long queuedIn) {
        synchronized (this) {
            if (queuedIn != epoch) {
                courier.handBack(parcel);
                return CompletableFuture.completedFuture(null);
            }
        }
        CompletableFuture<Boolean> delivered;
        try {
            delivered = courier.deliver(parcel);
        } catch (RuntimeException bug) {
            log.error("Delivering {} for chat {} failed unexpectedly", ActionMetrics.kind(parcel.action()), chat, bug);
            delivered = CompletableFuture.completedFuture(false);
        }
        return delivered.handle((goOn, failure) -> {
            if (failure != null || !Boolean.TRUE.equals(goOn)) {
                stall(queuedIn);
            }
            return null;
        });
    }

    /** Everything queued in {@code stalledEpoch} or held is handed back; later offers start afresh. */
    private synchronized void stall(long stalledEpoch) {
        if (stalledEpoch != epoch) {
            return;
        }
        epoch++;
        for (Parcel parcel : held) {
            courier.handBack(parcel);
        }
        held.clear();
    }
}
