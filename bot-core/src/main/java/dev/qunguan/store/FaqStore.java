package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.util.List;

/** FAQ entries admins add by chat, per group. */
public interface FaqStore {
    FaqEntry add(ChatRef chat, String question, String answer);

    /** Adds another phrasing to an existing entry; false when the entry does not exist. */
    boolean addPhrasing(ChatRef chat, long entryId, String phrasing);

    boolean delete(ChatRef chat, long entryId);

    List<FaqEntry> list(ChatRef chat);
}
