package dev.qunguan.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a platform that keeps failing. Closed: every call goes through, and {@code threshold}
 * failures in a row open it. Open: no call goes through until {@code coolDown} has passed; then one call
 * may probe (half-open). The probe's success closes the breaker, its failure opens it for another
 * cool-down. An answer that refuses an action for good still proves the platform is up, so it counts as
 * success. Thread-safe; time comes from the injected clock.
 */
final class CircuitBreaker {
    enum State {
        CLOSED(0), HALF_OPEN(1), OPEN(2);

        /** The value of the state gauge. */
        final int gauge;

        State(int gauge) {
            this.gauge = gauge;
        }
    }

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt = Instant.EPOCH;
    private boolean probing;

    CircuitBreaker(int threshold, Duration coolDown, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold: " + threshold + " (expected: >= 1)");
        }
        if (!coolDown.isPositive()) {
            throw new IllegalArgumentException("coolDown: " + coolDown + " (expected: > 0)");
        }
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** Asks to make one call now; when true the caller must report its outcome. */
    synchronized boolean tryAcquire() {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> {
                if (clock.instant().isBefore(reopensAt())) {
                    yield false;
                }
                state = State.HALF_OPEN;
                probing = true;
                yield true;
            }
            case HALF_OPEN -> {
                if (probing) {
                    yield false;
                }
                probing = true;
                yield true;
            }
        };
    }

    synchronized void onSuccess() {
        consecutiveFailures = 0;
        probing = false;
        state = State.CLOSED;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        probing = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    /** False while open and cooling down, or while the probe is under way: no call may start now. */
    synchronized boolean admitsCalls() {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> !clock.instant().isBefore(reopensAt());
            case HALF_OPEN -> !probing;
        };
    }

    /** True while calls are limited to a single probe (open or half-open). */
    synchronized boolean limited() {
        return state != State.CLOSED;
    }

    /** When an open breaker lets a probe through. */
    synchronized Instant reopensAt() {
        return openedAt.plus(coolDown);
    }

    synchronized State state() {
        return state;
    }
}
