package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The per-group queue of unanswered questions. Only the newest {@link #KEPT_PER_CHAT} of a chat are kept. */
public interface UnansweredStore {
    int KEPT_PER_CHAT = 200;

    /**
     * Queues a question. It may be written a few milliseconds later (lost in a crash within them); the
     * reads below see it at once.
     */
    void add(ChatRef chat, String text, String askerId, String askerName, String messageId, Instant at);

    /** The newest questions first, at most {@code limit}. */
    List<UnansweredQuestion> newest(ChatRef chat, int limit);

    Optional<UnansweredQuestion> find(ChatRef chat, long id);

    /** The queued question asked in that message, if any. */
    Optional<UnansweredQuestion> findByMessage(ChatRef chat, String messageId);

    /** Takes a question off the queue; false when it was not there. */
    boolean remove(ChatRef chat, long id);
}
