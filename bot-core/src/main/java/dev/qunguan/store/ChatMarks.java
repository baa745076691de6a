package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.time.Instant;

/** One-off facts about a chat, such as "the bot has introduced itself here". */
public interface ChatMarks {
    /** Sets the mark; true only the first time it is set for this chat. */
    boolean markOnce(ChatRef chat, String mark, Instant at);
}
