package dev.qunguan.nlp.memory;

import dev.qunguan.classify.Label;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers, per group, the labels admins gave to messages ({@code /ad}, {@code /notad}) and recalls
 * them for the same text after normalisation or a near-duplicate of it (character-shingle Jaccard
 * similarity at or above {@link #NEAR_DUPLICATE_SIMILARITY}, digits ignored, so a re-posted ad with
 * another phone number still matches). Each group keeps its most recent examples up to a bound.
 * Persistence is the caller's job: rebuild from stored examples with {@link #of(List, int)}. Thread-safe.
 */
public interface ExampleMemory {

    double NEAR_DUPLICATE_SIMILARITY = 0.8;
    int DEFAULT_MAX_PER_GROUP = 500;

    /** One stored correction. */
    record Example(String groupKey, String text, Label label) {
        public Example {
            Objects.requireNonNull(groupKey, "groupKey");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(label, "label");
        }
    }

    /** Records a correction; a later correction of the same text replaces the earlier one. */
    void remember(String groupKey, String text, Label label);

    /** The label of the best matching remembered example of this group, if any is close enough. */
    Optional<Label> recall(String groupKey, String text);

    /** How many examples the group currently keeps. */
    int size(String groupKey);

    static ExampleMemory create() {
        return create(DEFAULT_MAX_PER_GROUP);
    }

    static ExampleMemory create(int maxPerGroup) {
        return ShingleExampleMemory.create(maxPerGroup);
    }

    /** A memory holding {@code examples}, remembered in list order (the latest last). */
    static ExampleMemory of(List<Example> examples, int maxPerGroup) {
        ExampleMemory memory = create(maxPerGroup);
        for (Example example : examples) {
            memory.remember(example.groupKey(), example.text(), example.label());
        }
        return memory;
    }
}
