package dev.qunguan.store;

import dev.qunguan.classify.Label;
import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.List;

/** Admins' labelled examples per group: replayed into the example memory at start, exported for retraining. */
public interface ExampleStore {
    LabelledExample add(ChatRef chat, String text, Label label, String addedBy, Instant at);

    /** Every example of every chat, oldest first, so a later correction of the same text wins on replay. */
    List<LabelledExample> all();
}
