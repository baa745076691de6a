package dev.qunguan.outbound;

import dev.qunguan.action.Action;
import dev.qunguan.action.Reply;
import dev.qunguan.adapter.PlatformAdapter;
import dev.qunguan.event.ChatRef;
import dev.qunguan.store.OutboxOutcome;
import dev.qunguan.store.OutboxCounts;
import dev.qunguan.store.OutboxRow;
import dev.qunguan.store.OutboxStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted outbox's sender. {@link #enqueue} stores a reply's actions (group commit) before it
 * completes; a relay on the scheduler claims due rows, platform by platform, and hands them to the chats'
 * lanes (pacing, merging, order); each attempt's outcome goes back to the table: delivered rows are
 * deleted, failed ones wait for their backoff, refused or expired ones become dead letters. A circuit
 * breaker per platform stops the calls while the platform is down; the rows simply wait.
 */
final class DurableActionSender implements ActionSender, Courier {
    private static final Logger log = LoggerFactory.getLogger(DurableActionSender.class);
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final OutboxStore store;
    private final Map<String, PlatformAdapter> adapters;
    private final Map<String, CircuitBreaker> breakers;
    private final OutboxPolicy policy;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ActionMetrics metrics;
    private final Tuning tuning;
    private final String node;
    private final OutboxWriter writer;
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final ConcurrentHashMap<ChatRef, ChatOutbox> lanes = new ConcurrentHashMap<>();
    // Rows this node claimed and has not yet settled; a claim that returns one again (its lease ran out
    // while it waited here) must not put it in a lane twice.
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean passRunning = new AtomicBoolean();
    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean lastPassFailed;
    private @Nullable ScheduledFuture<?> polling;
    private Instant renewDue = Instant.MIN;
    private long countedAtNanos;
    private boolean gaugesSet;

    /** Timing that tests may shorten; the defaults suit production. */
    record Tuning(Duration pollEvery, Duration lease, int claimBatch, int maxHeldPerChat) {
        static final Tuning DEFAULT =
                new Tuning(Duration.ofMillis(250), Duration.ofSeconds(20), 256, ActionSenders.MAX_HELD_PER_CHAT);
    }

    private DurableActionSender(OutboxStore store, Map<String, PlatformAdapter> adapters, OutboxPolicy policy,
            RetryBackoff backoff, Clock clock, ScheduledExecutorService scheduler, MeterRegistry registry,
            Tuning tuning, String node) {
        this.store = store;
        this.adapters = Map.copyOf(adapters);
        this.policy = policy;
        this.backoff = backoff;
        this.clock = clock;
        this.scheduler = scheduler;
        this.metrics = new ActionMetrics(registry);
        this.registry = registry;
        this.tuning = tuning;
        this.node = node;
        Map<String, CircuitBreaker> perPlatform = new LinkedHashMap<>();
        for (String platform : this.adapters.keySet()) {
            CircuitBreaker breaker = new CircuitBreaker(policy.breakerFailures(), policy.breakerCoolDown(), clock);
            perPlatform.put(platform, breaker);
            meters.add(Gauge.builder("qunguan.outbound.breaker.state", breaker, b -> b.state().gauge)
                    .description("Circuit breaker per platform: 0 closed, 1 half-open (probing), 2 open")
                    .tag("platform", platform)
                    .register(registry));
        }
        this.breakers = Map.copyOf(perPlatform);
        meters.add(Gauge.builder("qunguan.outbox.size", waiting, AtomicLong::get)
                .description("Actions stored in the outbox and not yet delivered")
                .register(registry));
        meters.add(Gauge.builder("qunguan.outbox.dead", dead, AtomicLong::get)
                .description("Actions given up on (refused for good, too old or out of attempts)")
                .register(registry));
        this.writer = OutboxWriter.start(store, node, clock, this::wake, this::settled);
    }

    static DurableActionSender start(OutboxStore store, Map<String, PlatformAdapter> adapters, OutboxPolicy policy,
            RetryBackoff backoff, Clock clock, ScheduledExecutorService scheduler, MeterRegistry registry,
            Tuning tuning, String node) {
        DurableActionSender sender = new DurableActionSender(
                store, adapters, policy, backoff, clock, scheduler, registry, tuning, node);
        long every = tuning.pollEvery().toNanos();
        // The first pass runs at once: rows left from before a restart go out on start.
        sender.polling = scheduler.scheduleWithFixedDelay(sender::pass, 0, every, TimeUnit.NANOSECONDS);
        log.info("Outbox sender started as node {}", node);
        return sender;
    }

    String node() {
        return node;
    }

    @Override
    public CompletableFuture<Void> enqueue(Reply reply) {
        if (reply.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Action> routable = new ArrayList<>(reply.actions().size());
        for (Action action : reply.actions()) {
            if (adapters.containsKey(action.chat().platform())) {
                routable.add(action);
            } else {
                log.warn("No adapter for platform {}; dropping {} for chat {}",
                        action.chat().platform(), ActionMetrics.kind(action), action.chat());
                metrics.counted(action, ActionMetrics.UNROUTABLE);
            }
        }
        if (routable.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("sender closed"));
        }
        return writer.append(routable);
    }

    @Override
    public void send(Reply reply) {
        enqueue(reply).whenComplete((stored, failure) -> {
            if (failure != null) {
                log.warn("{} actions could not be stored and are lost", reply.actions().size(), failure);
                reply.actions().forEach(action -> metrics.counted(action, ActionMetrics.DROPPED));
            }
        });
    }

    @Override
    public boolean tryAcquire(ChatRef chat) {
        return !closed && lane(chat).tryAcquire();
    }

    private ChatOutbox lane(ChatRef chat) {
        return lanes.computeIfAbsent(chat, key -> new ChatOutbox(key, new TokenBucket(policy.messagesPerMinute(), clock),
                tuning.maxHeldPerChat(), scheduler, this, metrics));
    }

    /** Asks for a relay pass soon (new rows, or rows freed), without piling up passes. */
    void wake() {
        if (closed || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                wakeQueued.set(false);
                pass();
            });
        } catch (RejectedExecutionException stopped) {
            wakeQueued.set(false);
        }
    }

    /** One relay pass: renews leases, claims due rows for every platform whose breaker admits calls. */
    void pass() {
        passRequested.set(true);
        while (!closed && passRequested.get() && passRunning.compareAndSet(false, true)) {
            try {
                passRequested.set(false);
                claimDueRows();
                if (lastPassFailed) {
                    log.info("Outbox reachable again");
                    lastPassFailed = false;
                }
            } catch (RuntimeException e) {
                if (!lastPassFailed) {
                    log.warn("Outbox pass failed; rows wait for the next one", e);
                    lastPassFailed = true;
                }
            } finally {
                passRunning.set(false);
            }
        }
    }

    private void claimDueRows() {
        Instant now = clock.instant();
        if (!inHand.isEmpty() && !now.isBefore(renewDue)) {
            store.renew(node, now.plus(tuning.lease()));
            renewDue = now.plus(tuning.lease().dividedBy(4));
        }
        for (Map.Entry<String, CircuitBreaker> platform : breakers.entrySet()) {
            CircuitBreaker breaker = platform.getValue();
            if (!breaker.admitsCalls()) {
                continue;
            }
            int limit = breaker.limited() ? 1 : tuning.claimBatch();
            List<OutboxRow> rows = store.claim(platform.getKey(), node, now, now.plus(tuning.lease()), limit);
            for (OutboxRow row : rows) {
                if (!inHand.add(row.id())) {
                    continue;
                }
                if (!now.isBefore(row.enqueuedAt().plus(policy.maxAge()))) {
                    giveUp(row, row.attempts(), now, "not delivered within " + policy.maxAge());
                    continue;
                }
                lane(row.action().chat()).offer(Parcel.of(row));
            }
            if (!rows.isEmpty()) {
                renewDue = now.plus(tuning.lease().dividedBy(4));
            }
        }
        // Passes follow every batch under load; the gauges need no more than one count per poll interval.
        long nanos = System.nanoTime();
        if (nanos - countedAtNanos >= tuning.pollEvery().toNanos() || !gaugesSet) {
            OutboxCounts counts = store.counts();
            waiting.set(counts.waiting());
            dead.set(counts.dead());
            countedAtNanos = nanos;
            gaugesSet = true;
        }
    }

    @Override
    public CompletableFuture<Boolean> deliver(Parcel parcel) {
        Action action = parcel.action();
        CircuitBreaker breaker = breakers.get(action.chat().platform());
        if (closed) {
            handBack(parcel);
            return CompletableFuture.completedFuture(false);
        }
        if (!breaker.tryAcquire()) {
            // The platform is failing: no call; the rows wait until the breaker lets a probe through.
            Instant probeAt = breaker.reopensAt();
            for (OutboxRow row : parcel.rows()) {
                Instant notBefore = row.nextAttemptAt().isAfter(probeAt) ? row.nextAttemptAt() : probeAt;
                writer.settle(new OutboxOutcome.Released(row.id(), notBefore));
            }
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Void> performed;
        try {
            performed = adapters.get(action.chat().platform()).perform(action).toCompletableFuture();
        } catch (RuntimeException thrown) {
            performed = CompletableFuture.failedFuture(thrown);
        }
        CompletableFuture<Boolean> settled = performed.handle((ok, failure) -> settle(parcel, breaker, failure));
        inFlight.add(settled);
        settled.whenComplete((goOn, bug) -> inFlight.remove(settled));
        return settled;
    }

    private boolean settle(Parcel parcel, CircuitBreaker breaker, @Nullable Throwable failure) {
        Action action = parcel.action();
        Instant now = clock.instant();
        if (failure == null) {
            boolean wasLimited = breaker.limited();
            breaker.onSuccess();
            metrics.counted(action, ActionMetrics.SENT);
            parcel.rows().forEach(row -> writer.settle(new OutboxOutcome.Done(row.id())));
            if (wasLimited) {
                log.info("Platform {} answers again; circuit breaker closed", action.chat().platform());
                wake();
            }
            return true;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        metrics.counted(action, ActionMetrics.FAILED);
        if (adapters.get(action.chat().platform()).isPermanent(cause)) {
            // The platform answered, so it is up; this action just cannot succeed.
            breaker.onSuccess();
            log.warn("{} for chat {} refused for good: {}", ActionMetrics.kind(action), action.chat(),
                    cause.getMessage());
            parcel.rows().forEach(row -> giveUp(row, row.attempts() + 1, now, "refused: " + cause.getMessage()));
            return true;
        }
        boolean wasClosed = !breaker.limited();
        breaker.onFailure();
        if (wasClosed && breaker.limited()) {
            log.warn("Platform {} failed {} times in a row; circuit breaker open, calls resume with a probe at {}",
                    action.chat().platform(), policy.breakerFailures(), breaker.reopensAt());
        }
        for (OutboxRow row : parcel.rows()) {
            int attempts = row.attempts() + 1;
            String error = String.valueOf(cause);
            if (attempts >= policy.maxAttempts()) {
                giveUp(row, attempts, now, "out of attempts, last: " + error);
            } else if (!now.isBefore(row.enqueuedAt().plus(policy.maxAge()))) {
                giveUp(row, attempts, now, "not delivered within " + policy.maxAge() + ", last: " + error);
            } else {
                metrics.counted(action, ActionMetrics.RETRIED);
                Instant next = now.plus(backoff.delay(attempts));
                log.debug("{} for chat {} failed (attempt {}), next at {}: {}", ActionMetrics.kind(action),
                        action.chat(), attempts, next, error);
                writer.settle(new OutboxOutcome.Retry(row.id(), attempts, next, error));
            }
        }
        return false;
    }

    private void giveUp(OutboxRow row, int attempts, Instant now, String why) {
        metrics.counted(row.action(), ActionMetrics.DEAD);
        log.warn("Giving up {} for chat {} (outbox row {}, {} attempts): {}", ActionMetrics.kind(row.action()),
                row.action().chat(), row.id(), attempts, why);
        writer.settle(new OutboxOutcome.Dead(row.id(), attempts, now, why));
    }

    @Override
    public void handBack(Parcel parcel) {
        for (OutboxRow row : parcel.rows()) {
            writer.settle(new OutboxOutcome.Released(row.id(), row.nextAttemptAt()));
        }
    }

    @Override
    public void drop(Parcel parcel) {
        parcel.rows().forEach(row -> writer.settle(new OutboxOutcome.Done(row.id())));
    }

    /** Outcomes are committed: those rows are no longer this node's, and later rows of their chats may go. */
    private void settled(List<OutboxOutcome> outcomes) {
        outcomes.forEach(outcome -> inHand.remove(outcome.id()));
        wake();
    }

    /**
     * Stops claiming, lets calls under way finish (a few seconds at most), records their outcomes and
     * releases every row this node still holds, so a restart or another node sends them at once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (polling != null) {
            polling.cancel(false);
        }
        lanes.values().forEach(ChatOutbox::stop);
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Calls to platforms still under way at shutdown; their rows may be sent again after restart");
        }
        writer.close();
        // Gauges hold this sender; a sender started later on the same registry registers its own.
        meters.forEach(registry::remove);
        try {
            int released = store.releaseAll(node);
            if (released > 0) {
                log.info("Outbox: released {} rows for the next start", released);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox: could not release claims; they lapse after {}", tuning.lease(), e);
        }
    }
}
