package dev.qunguan.outbound;

import dev.qunguan.adapter.PlatformAdapter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/** Builds {@link ActionSender}s. */
public final class ActionSenders {
    /** Messages a chat may hold over budget; beyond it the oldest is dropped so a flood cannot grow memory. */
    static final int MAX_HELD_PER_CHAT = 100;

    private ActionSenders() {}

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
