package dev.qunguan.handler;

import dev.qunguan.event.ChatRef;
import java.time.Instant;

/**
 * Lets a handler ask to be woken later (for example to greet a burst of joins in one message). The
 * runtime delivers a {@link dev.qunguan.event.TimerFired} event into the chat's ordered stream at or
 * soon after {@code at}. Asking again for the same chat and purpose before it fires keeps one wake-up,
 * at the earlier time.
 */
@FunctionalInterface
public interface Timers {
    void wakeAt(ChatRef chat, String purpose, Instant at);

    /** For contexts that never schedule anything (tools, one-shot classification). */
    static Timers none() {
        return (chat, purpose, at) -> {};
    }
}
