package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How often each FAQ entry of a chat was asked, and when it was last answered in full. Entries are named
 * by a key (the FAQ handler names store entries by id and script-file entries by question).
 */
public interface FaqHitStore {
    /** Counts one hit; {@code answered} also makes {@code at} the entry's last full answer. */
    void recordHit(ChatRef chat, String entryKey, Instant at, boolean answered);

    Optional<Instant> lastAnswered(ChatRef chat, String entryKey);

    /** Hits per entry key; keys never hit are absent. */
    Map<String, Long> hits(ChatRef chat);
}
