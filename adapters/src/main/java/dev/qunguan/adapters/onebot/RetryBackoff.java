package dev.qunguan.adapters.onebot;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How long to wait before each retry of a failed API call: {@code base × 2^retry} plus up to
 * {@code maxJitter}, so many chats retrying at once do not hit the implementation in step.
 */
record RetryBackoff(Duration base, Duration maxJitter, RandomGenerator random) {
    private static final int MAX_DOUBLINGS = 10;

    RetryBackoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(maxJitter, "maxJitter");
        Objects.requireNonNull(random, "random");
        if (base.isNegative()) {
            throw new IllegalArgumentException("base: " + base + " (expected: >= 0)");
        }
        if (maxJitter.isNegative()) {
            throw new IllegalArgumentException("maxJitter: " + maxJitter + " (expected: >= 0)");
        }
    }

    /** 200 ms doubling, up to 100 ms jitter; {@link Random} because it is safe to share across threads. */
    static RetryBackoff standard() {
        return new RetryBackoff(Duration.ofMillis(200), Duration.ofMillis(100), new Random());
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    long delayMillis(int retry) {
        long exponential = base.toMillis() << Math.min(retry, MAX_DOUBLINGS);
        long jitter = maxJitter.isZero() ? 0 : random.nextLong(maxJitter.toMillis() + 1);
        return exponential + jitter;
    }
}
