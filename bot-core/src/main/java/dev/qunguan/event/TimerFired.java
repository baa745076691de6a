package dev.qunguan.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A wake-up a handler asked for earlier (see {@code dev.qunguan.handler.Timers}), delivered in order
 * with the chat's other events. {@code purpose} tells the handlers which feature it belongs to.
 */
public record TimerFired(EventId id, ChatRef chat, String purpose, Instant at) implements Event {
    public TimerFired {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
    }
}
