package dev.qunguan.outbound;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th failed attempt the next one waits a uniformly random
 * time between zero and {@code min(cap, base × 2^(n-1))}, so many chats failing together spread their
 * retries instead of returning in step.
 */
record RetryBackoff(Duration base, Duration cap, RandomGenerator random) {
    private static final int MAX_DOUBLINGS = 30;

    RetryBackoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (!base.isPositive()) {
            throw new IllegalArgumentException("base: " + base + " (expected: > 0)");
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap: " + cap + " (expected: >= base " + base + ")");
        }
    }

    /** The longest wait after {@code failedAttempts} failures (at least one). */
    Duration ceiling(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts: " + failedAttempts + " (expected: >= 1)");
        }
        int doublings = Math.min(failedAttempts - 1, MAX_DOUBLINGS);
        long millis = base.toMillis() << doublings;
        return millis >= cap.toMillis() || millis < 0 ? cap : Duration.ofMillis(millis);
    }

    /** The wait before the next attempt, after {@code failedAttempts} failures. */
    Duration delay(int failedAttempts) {
        return Duration.ofMillis(random.nextLong(ceiling(failedAttempts).toMillis() + 1));
    }
}
