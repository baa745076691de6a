package dev.qunguan.handler.recent;

import dev.qunguan.event.UserRef;
import java.time.Instant;
import java.util.Objects;

/** A message the bot saw: who wrote what, when, and whether moderation already acted on it. */
public record RecentMessage(String messageId, UserRef author, String text, Instant at, boolean moderated) {
    public RecentMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    /** The same message, marked as acted on by moderation. */
    public RecentMessage asModerated() {
        return new RecentMessage(messageId, author, text, at, true);
    }
}
