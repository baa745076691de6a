package dev.qunguan.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The outbox that carries the bot's actions to the platforms.
 *
 * @param maxAttempts     failed attempts after which an action is given up (kept as a dead letter)
 * @param maxAge          an action not delivered within this long is given up
 * @param breakerFailures failures in a row that stop all calls to a platform (circuit breaker opens)
 * @param breakerCoolDown how long calls stay stopped before one probe call
 */
public record OutboundConfig(int maxAttempts, Duration maxAge, int breakerFailures, Duration breakerCoolDown) {
    public OutboundConfig {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(breakerCoolDown, "breakerCoolDown");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("outbound.max-attempts: " + maxAttempts + " (expected: >= 1)");
        }
        if (!maxAge.isPositive()) {
            throw new IllegalArgumentException("outbound.max-age: " + maxAge + " (expected: > 0)");
        }
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("outbound.breaker-failures: " + breakerFailures + " (expected: >= 1)");
        }
        if (!breakerCoolDown.isPositive()) {
            throw new IllegalArgumentException("outbound.breaker-cool-down: " + breakerCoolDown + " (expected: > 0)");
        }
    }

    public static OutboundConfig defaults() {
        return new OutboundConfig(10, Duration.ofHours(1), 5, Duration.ofSeconds(30));
    }
}
