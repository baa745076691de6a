package dev.qunguan.store;

import java.util.List;

/** A stored FAQ entry: its canonical question, other phrasings, and answer. */
public record FaqEntry(long id, String question, List<String> phrasings, String answer) {
    public FaqEntry {
        phrasings = List.copyOf(phrasings);
    }
}
