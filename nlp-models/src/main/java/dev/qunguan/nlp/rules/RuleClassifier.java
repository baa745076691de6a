package dev.qunguan.nlp.rules;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.nlp.text.TextNormalizer;

/**
 * A classifier built from hand-written cues: contact ids, links, solicitation, side-job, rebate,
 * gambling, loan and money lures, insults and question markers, matched on normalised text. It flags
 * an ad only when cues corroborate each other (a contact id or link together with a lure, or two
 * distinct lures), so a lone number or link in ordinary chat stays below the acting threshold.
 * Thread-safe.
 */
public interface RuleClassifier extends Classifier {

    /** Classifies text that has already been through {@link TextNormalizer#standard()}. */
    Classification classifyNormalized(String normalizedText);

    static RuleClassifier create() {
        return create(TextNormalizer.standard());
    }

    static RuleClassifier create(TextNormalizer normalizer) {
        return DefaultRuleClassifier.of(normalizer, CueBook.standard());
    }
}
