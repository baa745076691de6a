package dev.qunguan.outbound;

import dev.qunguan.adapter.PlatformAdapter;
import dev.qunguan.store.OutboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/** Builds {@link ActionSender}s. */
public final class ActionSenders {
    /** Messages a chat may hold over budget; beyond it the oldest is dropped so a flood cannot grow memory. */
    static final int MAX_HELD_PER_CHAT = 100;

    /** First retry within a second; doubling from there. */
    static final Duration RETRY_BASE = Duration.ofSeconds(1);
    static final Duration RETRY_CAP = Duration.ofMinutes(5);

    private ActionSenders() {}

    /**
     * A sender whose actions survive platform outages and restarts. {@link ActionSender#enqueue} completes
     * once the actions are committed to {@code store} (written in batches every few milliseconds); they are
     * then claimed from it — also left-over rows from before a restart — and go out per chat in order,
     * paced and merged as {@link #rateLimited} does. A failed call is retried with exponential backoff and
     * full jitter (first within a second, at most five minutes apart) until {@code policy}'s attempts or
     * age run out, then kept as a dead letter; an action the platform refuses for good
     * ((see {@link PlatformAdapter#isPermanent}) is a dead letter at once. A circuit breaker per platform
     * stops all calls after {@code policy.breakerFailures()} failures in a row and probes with one call per
     * cool-down. Several processes may share one database: each row is sent by one of them. Close it to
     * release the rows it holds.
     *
     * <p>Metrics: {@code qunguan_outbox_size}, {@code qunguan_outbox_dead},
     * {@code qunguan_outbound_breaker_state{platform}} and {@code qunguan_actions_total{platform, action,
     * outcome}} with outcomes sent, failed, retried, dead, dropped and unroutable.
     */
    public static ActionSender durable(
            OutboxStore store,
            Map<String, PlatformAdapter> adaptersByPlatform,
            OutboxPolicy policy,
            Clock clock,
            ScheduledExecutorService scheduler,
            MeterRegistry registry) {
        return durable(store, adaptersByPlatform, policy, new RetryBackoff(RETRY_BASE, RETRY_CAP, new Random()), clock,
                scheduler, registry, DurableActionSender.Tuning.DEFAULT, newNodeId());
    }

    static DurableActionSender durable(
            OutboxStore store,
            Map<String, PlatformAdapter> adaptersByPlatform,
            OutboxPolicy policy,
            RetryBackoff backoff,
            Clock clock,
            ScheduledExecutorService scheduler,
            MeterRegistry registry,
            DurableActionSender.Tuning tuning,
            String node) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(adaptersByPlatform, "adaptersByPlatform");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(registry, "registry");
        return DurableActionSender.start(store, adaptersByPlatform, policy, backoff, clock, scheduler, registry, tuning,
                node);
    }

    /** Unique per sender, readable in the table: the process id and a random suffix. */
    static String newNodeId() {
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        return "pid" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix);
    }

    /**
     * A sender that paces messages per chat with a token bucket of {@code messagesPerMinute} (full at
     * start, refilled evenly over a minute by {@code clock}). Messages over budget are held and, when a
     * token frees, all held messages of the chat go out merged into one, separated by line breaks.
     * Deletes, mutes and removals are never paced. Each chat's actions reach its adapter one at a time,
     * in order; deliveries and budget checks run on {@code scheduler}, never on the caller. Failures are
     * logged and counted in {@code qunguan_actions_total}, never thrown.
     *
     * @param adaptersByPlatform adapters by {@link dev.qunguan.event.ChatRef#platform()}; actions for any
     *                           other platform are logged and dropped
     */
    public static ActionSender rateLimited(
            Map<String, PlatformAdapter> adaptersByPlatform,
            int messagesPerMinute,
            Clock clock,
            ScheduledExecutorService scheduler,
            MeterRegistry registry) {
        Objects.requireNonNull(adaptersByPlatform, "adaptersByPlatform");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(registry, "registry");
        if (messagesPerMinute <= 0) {
            throw new IllegalArgumentException("messagesPerMinute: " + messagesPerMinute + " (expected: > 0)");
        }
        return new RateLimitedActionSender(
                adaptersByPlatform, messagesPerMinute, MAX_HELD_PER_CHAT, clock, scheduler, new ActionMetrics(registry));
    }
}
