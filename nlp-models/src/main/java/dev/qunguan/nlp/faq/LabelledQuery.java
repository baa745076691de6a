package dev.qunguan.nlp.faq;

import java.util.Objects;
import java.util.Optional;

/** A question from an evaluation set with the entry it means, or none, and the corpus it came from. */
record LabelledQuery(String query, Optional<String> faqId, String source) {

    LabelledQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(faqId, "faqId");
        Objects.requireNonNull(source, "source");
    }

    /** Paraphrases of one entry stay together in cross-validation, so no fold learns from its own group. */
    String group() {
        return faqId.map(id -> "entry:" + id).orElse("none:" + query);
    }
}
