package dev.qunguan.nlp.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One knowledge-base entry as the matcher sees it: its id, canonical question and alternative
 * phrasings. Answers are not needed for matching and live with the caller.
 */
public record FaqDocument(String id, String question, List<String> phrasings) {

    public FaqDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id: blank (expected: a non-blank entry id)");
        }
        if (question.isBlank()) {
            throw new IllegalArgumentException("question: blank (expected: the entry's canonical question)");
        }
        phrasings = List.copyOf(phrasings);
    }

    public static FaqDocument of(String id, String question, String... phrasings) {
        return new FaqDocument(id, question, List.of(phrasings));
    }

    /** The question followed by every phrasing: each is matched on its own. */
    List<String> wordings() {
        if (phrasings.isEmpty()) {
            return List.of(question);
        }
        var all = new ArrayList<String>(phrasings.size() + 1);
        all.add(question);
        all.addAll(phrasings);
        return all;
    }
}
