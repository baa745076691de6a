package dev.qunguan.runtime;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.Label;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Counts the classifier's decisions by label ({@code qunguan_classifier_decisions_total}). */
final class CountingClassifier implements Classifier {
    private final Classifier classifier;
    private final Map<Label, Counter> decisions = new EnumMap<>(Label.class);

    CountingClassifier(Classifier classifier, MeterRegistry registry) {
        this.classifier = classifier;
        for (Label label : Label.values()) {
            decisions.put(label, Counter.builder("qunguan.classifier.decisions")
                    .description("Messages the classifier labelled, by label (admins' remembered examples not included)")
                    .tag("label", label.wireName())
                    .register(registry));
        }
    }

    @Override
    public Classification classify(String text) {
        Classification classification = classifier.classify(text);
        decisions.get(classification.label()).increment();
        return classification;
    }
}
