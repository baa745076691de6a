package dev.qunguan.runtime;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.EventId;
import dev.qunguan.event.TimerFired;
import dev.qunguan.handler.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Timers on a scheduler: one pending wake-up per chat and purpose, the earliest asked for. */
final class SchedulingTimers implements Timers {
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private volatile Consumer<TimerFired> deliver = fired -> {
        throw new IllegalStateException("timer " + fired.purpose() + " fired before the runtime was started");
    };
    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

    SchedulingTimers(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Where fired timers go; set once the dispatcher exists (it needs the handlers, which need timers). */
    void deliverTo(Consumer<TimerFired> deliver) {
        this.deliver = deliver;
    }

    @Override
    public void wakeAt(ChatRef chat, String purpose, Instant at) {
        String key = chat.key() + "#" + purpose;
        pending.compute(key, (k, existing) -> {
            if (existing != null && !existing.at().isAfter(at)) {
                return existing;
            }
            if (existing != null) {
                existing.future().cancel(false);
            }
            long delayMillis = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            ScheduledFuture<?> future = scheduler.schedule(() -> fire(key, chat, purpose, at), delayMillis,
                    TimeUnit.MILLISECONDS);
            return new Pending(at, future);
        });
    }

    private void fire(String key, ChatRef chat, String purpose, Instant at) {
        pending.computeIfPresent(key, (k, p) -> p.at().equals(at) ? null : p);
        EventId id = EventId.of("timer:" + chat.key() + ":" + purpose + ":" + at.toEpochMilli());
        deliver.accept(new TimerFired(id, chat, purpose, clock.instant()));
    }

    private record Pending(Instant at, ScheduledFuture<?> future) {}
}
