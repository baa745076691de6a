package dev.qunguan.store;

import dev.qunguan.action.Action;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One action in the outbox.
 *
 * @param attempts      failed attempts so far
 * @param nextAttemptAt not sent before this
 * @param lastError     why the last attempt failed, if one did
 * @param claimedBy     the node holding the row, if any (its lease may have run out)
 * @param deadAt        when the row was given up on; such a row is never sent
 */
public record OutboxRow(
        long id,
        Action action,
        Instant enqueuedAt,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable String claimedBy,
        @Nullable Instant deadAt) {
    public OutboxRow {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: " + attempts + " (expected: >= 0)");
        }
    }

    public boolean isDead() {
        return deadAt != null;
    }
}
