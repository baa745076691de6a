package dev.qunguan.action;

import dev.qunguan.event.ChatRef;
import java.util.Objects;

/** Remove a member from the group. */
public record RemoveMember(ChatRef chat, String userId) implements Action {
    public RemoveMember {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(userId, "userId");
    }
}
