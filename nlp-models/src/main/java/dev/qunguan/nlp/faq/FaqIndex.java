package dev.qunguan.nlp.faq;

import java.util.List;

/**
 * A group's FAQ entries, ready to match questions against. Matching normalises the question, splits it
 * into HanLP words, synonym groups and character bigrams, retrieves candidates with BM25, and scores each
 * with a logistic regression over pair features; it answers only when the best candidate's calibrated
 * score clears the threshold, because a wrong answer is worse than none.
 *
 * <p>Immutable and thread-safe: {@link #with} and {@link #without} return a new index and reuse the
 * analysis of every unchanged entry, so an edit costs a re-index, not a re-segmentation.
 */
public interface FaqIndex {

    FaqMatch match(String query);

    /** This index with the entry added, or replacing the entry with the same id. */
    FaqIndex with(FaqDocument document);

    /** This index without the entry with that id (itself if there is none). */
    FaqIndex without(String id);

    List<FaqDocument> documents();

    /** The calibrated score an entry needs to be answered with. */
    double threshold();

    /** An index with the shipped scorer and its measured threshold. Ids must be unique. */
    static FaqIndex build(List<FaqDocument> documents) {
        return DefaultFaqIndex.of(documents, FaqScorer.shipped(), TextAnalyzer.standard());
    }

    /** An index answering from {@code threshold} (0..1): higher answers less often and more precisely. */
    static FaqIndex build(List<FaqDocument> documents, double threshold) {
        return DefaultFaqIndex.of(documents, FaqScorer.shipped().withThreshold(threshold), TextAnalyzer.standard());
    }
}
