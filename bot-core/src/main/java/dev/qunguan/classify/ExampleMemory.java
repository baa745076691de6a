package dev.qunguan.classify;

import dev.qunguan.event.ChatRef;
import java.util.Optional;

/**
 * Texts admins labelled in a chat ({@code /ad}, {@code /notad}), recalled for the same and for nearly the
 * same text, so a correction takes effect from the next message. What is remembered in one chat is never
 * recalled in another. Implementations are thread-safe and bounded.
 */
public interface ExampleMemory {
    /** Remembers the text's label in the chat; a later label for the same text replaces an earlier one. */
    void remember(ChatRef chat, String text, Label label);

    /** The label admins gave this text, or one nearly the same, in the chat. */
    Optional<Label> recall(ChatRef chat, String text);

    /**
     * The in-core default: exact match on a normalised form (lower case, no whitespace or punctuation, full
     * width folded), then near duplicates by character-bigram Jaccard similarity of at least 0.8.
     */
    static ExampleMemory nearDuplicates() {
        return NearDuplicateExampleMemory.create();
    }
}
