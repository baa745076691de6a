package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.Objects;

/** A timer claimed for firing: whose it is, when it was due, and the claim that holds it. */
public record DueTimer(ChatRef chat, String purpose, Instant dueAt, String claimant) {
    public DueTimer {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(claimant, "claimant");
    }
}
