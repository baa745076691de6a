package dev.qunguan.event;

import java.util.Objects;

/** A member of a chat: platform user id, the name shown in the group, and their role. */
public record UserRef(String id, String displayName, Role role) {
    public UserRef {
        ChatRef.requireText(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        if (displayName.isBlank()) {
            displayName = id;
        }
    }

    public static UserRef member(String id, String displayName) {
        return new UserRef(id, displayName, Role.MEMBER);
    }
}
