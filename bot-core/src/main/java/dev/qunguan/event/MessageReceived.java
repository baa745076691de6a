package dev.qunguan.event;

import dev.qunguan.message.Message;
import java.time.Instant;
import java.util.Objects;

/** A member sent a message to the group. */
public record MessageReceived(EventId id, ChatRef chat, UserRef sender, MessageRef ref, Message message, Instant at)
        implements Event {
    public MessageReceived {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }

    /** The message's visible text without mentions, as members read it. */
    public String text() {
        return message.plainText();
    }
}
