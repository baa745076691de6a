package dev.qunguan.store;

import java.time.Instant;
import java.util.Objects;

/** What the bot knows of one member in one chat: when it first saw them speak, and their clean record. */
public record MemberHistory(Instant firstSeen, int cleanMessages) {
    public MemberHistory {
        Objects.requireNonNull(firstSeen, "firstSeen");
        if (cleanMessages < 0) {
            throw new IllegalArgumentException("cleanMessages: " + cleanMessages + " (expected: >= 0)");
        }
    }
}
