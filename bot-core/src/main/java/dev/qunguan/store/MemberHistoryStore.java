package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.Optional;

/**
 * Per chat and member: first-seen time and the number of messages without a violation since the last
 * one. Recording a member the store has not seen starts their history at {@code at}.
 */
public interface MemberHistoryStore {
    Optional<MemberHistory> find(ChatRef chat, String userId);

    /** Counts one more clean message. */
    void recordClean(ChatRef chat, String userId, Instant at);

    /** A violation: the clean count starts again from zero; the first-seen time stays. */
    void recordViolation(ChatRef chat, String userId, Instant at);
}
