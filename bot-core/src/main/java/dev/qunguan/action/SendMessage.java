package dev.qunguan.action;

import dev.qunguan.event.ChatRef;
import dev.qunguan.message.Message;
import java.util.Objects;

/** Post a message to the group (mentions and quotes travel as segments of the message). */
public record SendMessage(ChatRef chat, Message message) implements Action {
    public SendMessage {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(message, "message");
        if (message.isEmpty()) {
            throw new IllegalArgumentException("message: empty (expected: at least one segment)");
        }
    }
}
