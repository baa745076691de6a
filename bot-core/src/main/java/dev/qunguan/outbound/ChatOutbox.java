package dev.qunguan.outbound;

import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat's outgoing actions. Deliveries are chained so the adapter sees them in order, one at a time;
 * messages over budget are held and later go out merged into one.
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
    private final Function<Action, CompletableFuture<Void>> deliver;
    private final ActionMetrics metrics;
    private final ArrayDeque<SendMessage> held = new ArrayDeque<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private boolean checkScheduled;

    ChatOutbox(
            ChatRef chat,
            TokenBucket budget,
            int maxHeld,
            ScheduledExecutorService scheduler,
            Function<Action, CompletableFuture<Void>> deliver,
            ActionMetrics metrics) {
        this.chat = chat;
        this.budget = budget;
        this.maxHeld = maxHeld;
        this.scheduler = scheduler;
        this.deliver = deliver;
        this.metrics = metrics;
    }

    synchronized void offer(Action action) {
        switch (action) {
            case SendMessage message -> offerMessage(message);
            case DeleteMessage delete -> enqueue(delete);
            case MuteMember mute -> enqueue(mute);
            case RemoveMember remove -> enqueue(remove);
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

    private void offerMessage(SendMessage message) {
        if (held.isEmpty() && budget.tryTake()) {
            enqueue(message);
            return;
        }
        if (held.size() >= maxHeld) {
            SendMessage oldest = held.removeFirst();
            metrics.counted(oldest, ActionMetrics.DROPPED);
            log.warn("Chat {} holds {} messages over budget; dropping the oldest", chat, maxHeld);
        }
        held.addLast(message);
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
            log.warn("Scheduler stopped; {} held messages for chat {} wait for shutdown flush", held.size(), chat);
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

    private SendMessage mergeHeld() {
        int count = held.size();
        List<Segment> segments = new ArrayList<>();
        for (SendMessage message : held) {
            if (!segments.isEmpty()) {
                segments.add(MESSAGE_SEPARATOR);
            }
            segments.addAll(message.message().segments());
        }
        held.clear();
        if (count > 1) {
            metrics.merged(chat.platform(), count);
        }
        return new SendMessage(chat, new Message(segments));
    }

    private void enqueue(Action action) {
        // Each delivery starts after the previous one finished, on the scheduler, never on the caller.
        try {
            tail = tail.exceptionally(ignored -> null).thenComposeAsync(done -> deliver.apply(action), scheduler);
        } catch (RejectedExecutionException stopped) {
            metrics.counted(action, ActionMetrics.DROPPED);
            log.warn("Scheduler stopped; dropping {} for chat {}", ActionMetrics.kind(action), chat);
        }
    }
}
