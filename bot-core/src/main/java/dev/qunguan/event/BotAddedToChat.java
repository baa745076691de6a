package dev.qunguan.event;

import java.time.Instant;
import java.util.Objects;

/** The bot's own account was added to a group. */
public record BotAddedToChat(EventId id, ChatRef chat, Instant at) implements Event {
    public BotAddedToChat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(at, "at");
    }
}
