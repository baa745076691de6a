package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.List;

/** Moderation warnings per chat and member. Only warnings at or after {@code since} are active. */
public interface WarningStore {
    /**
     * Stores a warning issued for the event {@code sourceKey} (the flagged message, the admin's command).
     * The same event warning the same member again (handled a second time after a node died half-way)
     * adds nothing and gets the first warning back.
     */
    Warning add(ChatRef chat, String userId, String reason, String issuedBy, Instant at, String sourceKey);

    List<Warning> active(ChatRef chat, String userId, Instant since);

    /** Withdraws the member's most recent active warning; false when there was none. */
    boolean removeLatest(ChatRef chat, String userId, Instant since);
}
