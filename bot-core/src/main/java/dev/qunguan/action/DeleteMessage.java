package dev.qunguan.action;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageRef;
import java.util.Objects;

/** Withdraw a member's message from the group. */
public record DeleteMessage(ChatRef chat, MessageRef message) implements Action {
    public DeleteMessage {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(message, "message");
    }
}
