package dev.qunguan.faq;

import java.util.List;
import java.util.Objects;

/** One FAQ entry as the matcher sees it: its id, canonical question and other phrasings (no answer). */
public record FaqDocument(String id, String question, List<String> phrasings) {
    public FaqDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        phrasings = List.copyOf(phrasings);
    }
}
