package dev.qunguan.nlp.faq;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of matching one question.
 *
 * @param id the entry to answer with, empty when the matcher abstains
 * @param score calibrated probability (0..1) that {@code nearest} is the entry the question means
 * @param threshold the score an entry needs to be answered with
 * @param nearest the best-scoring entry whether or not it cleared the threshold (for admin suggestions)
 */
public record FaqMatch(Optional<String> id, double score, double threshold, Optional<String> nearest) {

    public FaqMatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nearest, "nearest");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score: " + score + " (expected: 0..1)");
        }
        if (id.isPresent() && !id.equals(nearest)) {
            throw new IllegalArgumentException("id: " + id + " differs from nearest " + nearest);
        }
    }

    static FaqMatch none(double threshold) {
        return new FaqMatch(Optional.empty(), 0.0, threshold, Optional.empty());
    }

    static FaqMatch of(String nearest, double score, double threshold) {
        Optional<String> best = Optional.of(nearest);
        return new FaqMatch(score >= threshold ? best : Optional.empty(), score, threshold, best);
    }

    public boolean answered() {
        return id.isPresent();
    }
}
