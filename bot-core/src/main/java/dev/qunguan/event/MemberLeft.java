package dev.qunguan.event;

import java.time.Instant;
import java.util.Objects;

/** Someone left the group, by themselves or removed by an admin. */
public record MemberLeft(EventId id, ChatRef chat, UserRef member, boolean removed, Instant at) implements Event {
    public MemberLeft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
    }
}
