package dev.qunguan.runtime;

import dev.qunguan.action.Reply;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.EventId;
import dev.qunguan.event.TimerFired;
import dev.qunguan.handler.Timers;
import dev.qunguan.server.DispatcherOverloaded;
import dev.qunguan.store.DueTimer;
import dev.qunguan.store.NodeClaims;
import dev.qunguan.store.TimerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timers kept in the {@link TimerStore}, so they outlive the node that asked for them and fire on exactly
 * one of the nodes sharing the database. Every node polls for due timers every {@link #POLL_EVERY} (and
 * at once for a timer due sooner than that, asked for here), claims them with one atomic statement, runs
 * each through the dispatcher in its chat's order, sends the reply and then marks it fired. A node that
 * dies between claim and fired leaves a claim that lapses, and another node fires the timer again.
 */
final class StoredTimers implements Timers, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoredTimers.class);
    static final Duration POLL_EVERY = Duration.ofMillis(200);
    private static final Duration RETRY_WHEN_OVERLOADED = Duration.ofSeconds(1);

    private final TimerStore store;
    private final Clock clock;
    private final NodeClaims node;
    private final ScheduledExecutorService poller;
    private final AtomicLong claims = new AtomicLong();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile @Nullable Function<TimerFired, CompletableFuture<Reply>> dispatch;
    private volatile Function<Reply, CompletableFuture<Void>> send = reply -> CompletableFuture.completedFuture(null);

    private StoredTimers(TimerStore store, Clock clock, NodeClaims node) {
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qunguan-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    static StoredTimers create(TimerStore store, Clock clock, NodeClaims node) {
        return new StoredTimers(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(node, "node"));
    }

    /**
     * Starts polling; fired timers go to {@code dispatch} (set once the dispatcher exists: it needs the
     * handlers, which need the timers) and their replies to {@code send}.
     */
    /** @param send stores the reply durably (the outbox); the timer counts as fired once that completes */
    void start(Function<TimerFired, CompletableFuture<Reply>> dispatch, Function<Reply, CompletableFuture<Void>> send) {
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        this.send = Objects.requireNonNull(send, "send");
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void wakeAt(ChatRef chat, String purpose, Instant at) {
        store.schedule(chat, purpose, at);
        long delayMillis = Duration.between(clock.instant(), at).toMillis();
        if (delayMillis < POLL_EVERY.toMillis() && dispatch != null) {
            try {
                poller.schedule(this::poll, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // stopping: the timer stays in the store for another node or the next start
            }
        }
    }

    /** Claims and fires what is due; polls never overlap. */
    void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = clock.instant();
            String claimant = node.nodeId() + "#" + claims.incrementAndGet();
            List<DueTimer> due = store.claimDue(now, claimant, now.plus(node.lease()));
            due.forEach(this::fire);
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the timers wait in it for the next poll
            log.warn("could not claim due timers: {}", e.toString());
        } finally {
            polling.set(false);
        }
    }

    private void fire(DueTimer timer) {
        Function<TimerFired, CompletableFuture<Reply>> target = Objects.requireNonNull(dispatch, "not started");
        ChatRef chat = timer.chat();
        EventId id = EventId.of("timer:" + chat.key() + ":" + timer.purpose() + ":" + timer.dueAt().toEpochMilli());
        TimerFired fired = new TimerFired(id, chat, timer.purpose(), clock.instant());
        target.apply(fired).whenComplete((reply, failure) -> {
            if (failure == null) {
                send.apply(reply).whenComplete((stored, notStored) -> {
                    if (notStored == null) {
                        afterwards(() -> store.fired(timer), timer);
                    } else {
                        // Left claimed: once the claim lapses this or another node fires it again.
                        log.warn("timer {} in chat {}: its reply could not be stored; it fires again after its "
                                + "claim lapses", timer.purpose(), chat, notStored);
                    }
                });
                return;
            }
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
            if (cause instanceof DispatcherOverloaded) {
                // Queues are full: try again shortly; the claim keeps other nodes off it meanwhile.
                afterwards(() -> fire(timer), timer, RETRY_WHEN_OVERLOADED);
            } else {
                // Left claimed: once the claim lapses this or another node fires it again.
                log.warn("timer {} in chat {} failed; it fires again after its claim lapses", timer.purpose(), chat,
                        cause);
            }
        });
    }

    private void afterwards(Runnable work, DueTimer timer) {
        afterwards(work, timer, Duration.ZERO);
    }

    /** Runs store work on the poller, off the dispatcher lane that completed the timer. */
    private void afterwards(Runnable work, DueTimer timer, Duration delay) {
        Runnable logged = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("timer {} in chat {}: {}; it fires again after its claim lapses", timer.purpose(),
                        timer.chat(), e.toString());
            }
        };
        try {
            poller.schedule(logged, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // stopping: the claim lapses and the timer fires again elsewhere or after the next start
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
