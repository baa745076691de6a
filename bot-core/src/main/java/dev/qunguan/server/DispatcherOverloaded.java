package dev.qunguan.server;

import dev.qunguan.event.ChatRef;

/** A lane's queue had no room for an event; the caller should ask the sender to retry later. */
public final class DispatcherOverloaded extends RuntimeException {
    private final transient ChatRef chat;

    DispatcherOverloaded(ChatRef chat, int capacity) {
        super("dispatcher lane full for chat " + chat + " (capacity " + capacity + ")", null, false, false);
        this.chat = chat;
    }

    /** The chat whose lane was full. */
    public ChatRef chat() {
        return chat;
    }
}
