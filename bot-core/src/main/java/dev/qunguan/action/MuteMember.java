package dev.qunguan.action;

import dev.qunguan.event.ChatRef;
import java.time.Duration;
import java.util.Objects;

/** Stop a member from speaking for a while; a zero duration lifts a mute. */
public record MuteMember(ChatRef chat, String userId, Duration duration) implements Action {
    public MuteMember {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: >= 0)");
        }
    }
}
