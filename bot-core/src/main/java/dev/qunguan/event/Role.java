package dev.qunguan.event;

/** A member's standing in a group, as the platform reports it. */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER;

    /** Owners and admins may run admin commands and are exempt from moderation. */
    public boolean isAdmin() {
        return this != MEMBER;
    }
}
