package dev.qunguan.store;

import java.time.Instant;
import java.util.Objects;

/** What became of a claimed outbox row. */
public sealed interface OutboxOutcome {
    long id();

    /** Finished with: the platform accepted it (or pacing dropped it); the row is deleted. */
    record Done(long id) implements OutboxOutcome {}

    /** The attempt failed and another is due at {@code nextAttemptAt}; the claim ends. */
    record Retry(long id, int attempts, Instant nextAttemptAt, String error) implements OutboxOutcome {
        public Retry {
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(error, "error");
        }
    }

    /** Given up on: kept as a dead letter, never sent. */
    record Dead(long id, int attempts, Instant at, String error) implements OutboxOutcome {
        public Dead {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(error, "error");
        }
    }

    /** Not attempted; the claim ends and the row is due again at {@code notBefore}. */
    record Released(long id, Instant notBefore) implements OutboxOutcome {
        public Released {
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }
}
