package dev.qunguan.event;

import java.time.Instant;
import java.util.Objects;

/** Someone joined the group (approved, invited or by link). */
public record MemberJoined(EventId id, ChatRef chat, UserRef member, Instant at) implements Event {
    public MemberJoined {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
    }
}
