package dev.qunguan.store;

import java.time.Instant;
import java.util.Objects;

/** A question no FAQ entry answered: what was asked, by whom, in which message, when. */
public record UnansweredQuestion(long id, String text, String askerId, String askerName, String messageId,
        Instant at) {
    public UnansweredQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(askerId, "askerId");
        Objects.requireNonNull(askerName, "askerName");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
    }
}
