package dev.qunguan.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A message budget that refills continuously. Credit is kept in nanoseconds of elapsed time, so refill
 * is exact integer arithmetic: one token costs {@code 60 s / perMinute}. Not thread-safe; the owning
 * chat outbox guards it.
 */
final class TokenBucket {
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final Clock clock;
    private final long costNanos;
    private final long capacityNanos;
    private long creditNanos;
    private Instant refilledAt;

    TokenBucket(int perMinute, Clock clock) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute: " + perMinute + " (expected: > 0)");
        }
        this.clock = clock;
        this.costNanos = MINUTE_NANOS / perMinute;
        this.capacityNanos = costNanos * perMinute;
        this.creditNanos = capacityNanos;
        this.refilledAt = clock.instant();
    }

    boolean tryTake() {
        refill();
        if (creditNanos < costNanos) {
            return false;
        }
        creditNanos -= costNanos;
        return true;
    }

    /** How long until a token is available by this bucket's clock; zero when one is available now. */
    Duration untilNextToken() {
        refill();
        return creditNanos >= costNanos ? Duration.ZERO : Duration.ofNanos(costNanos - creditNanos);
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            Duration missing = Duration.ofNanos(capacityNanos - creditNanos);
            Duration elapsed = Duration.between(refilledAt, now);
            // Compared as durations first so a long idle gap cannot overflow the nanosecond arithmetic.
            creditNanos = elapsed.compareTo(missing) >= 0 ? capacityNanos : creditNanos + elapsed.toNanos();
        }
        // A clock that stepped back grants nothing, and counting resumes from its new reading.
        refilledAt = now;
    }
}
