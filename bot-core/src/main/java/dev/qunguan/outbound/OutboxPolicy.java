package dev.qunguan.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * How the durable sender paces, retries and protects platforms.
 *
 * @param messagesPerMinute message budget of one chat; over it messages are held and merged
 * @param maxAttempts       failed attempts after which a row is given up (dead-lettered)
 * @param maxAge            age after which a row that has not gone out is given up
 * @param breakerFailures   failures in a row that open a platform's circuit breaker
 * @param breakerCoolDown   how long an open breaker waits before one probe call
 */
public record OutboxPolicy(
        int messagesPerMinute, int maxAttempts, Duration maxAge, int breakerFailures, Duration breakerCoolDown) {
    public OutboxPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(breakerCoolDown, "breakerCoolDown");
        if (messagesPerMinute <= 0) {
            throw new IllegalArgumentException("messagesPerMinute: " + messagesPerMinute + " (expected: > 0)");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: >= 1)");
        }
        if (!maxAge.isPositive()) {
            throw new IllegalArgumentException("maxAge: " + maxAge + " (expected: > 0)");
        }
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("breakerFailures: " + breakerFailures + " (expected: >= 1)");
        }
        if (!breakerCoolDown.isPositive()) {
            throw new IllegalArgumentException("breakerCoolDown: " + breakerCoolDown + " (expected: > 0)");
        }
    }
}
