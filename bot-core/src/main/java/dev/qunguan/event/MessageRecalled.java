package dev.qunguan.event;

import java.time.Instant;
import java.util.Objects;

/** A message was withdrawn by its author or deleted by an admin. */
public record MessageRecalled(EventId id, ChatRef chat, MessageRef ref, String authorId, String operatorId, Instant at)
        implements Event {
    public MessageRecalled {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(at, "at");
    }
}
