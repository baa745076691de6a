package dev.qunguan.classify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classifier's verdict: the label to act on, its confidence in [0, 1], the score of every label,
 * and the signals (such as {@code contact-solicitation}) that drove it, for logs and admin feedback.
 */
public record Classification(Label label, double confidence, Map<Label, Double> scores, List<String> signals) {
    public Classification {
        Objects.requireNonNull(label, "label");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence: " + confidence + " (expected: 0..1)");
        }
        // An EnumMap copy costs a fraction of Map.copyOf's, and every message gets a verdict
        EnumMap<Label, Double> copy = new EnumMap<>(Label.class);
        copy.putAll(scores);
        for (Double score : copy.values()) {
            Objects.requireNonNull(score, "score");
        }
        scores = Collections.unmodifiableMap(copy);
        signals = List.copyOf(signals);
    }

    public double score(Label label) {
        return scores.getOrDefault(label, 0.0);
    }

    public static Classification certain(Label label, List<String> signals) {
        Map<Label, Double> scores = new EnumMap<>(Label.class);
        for (Label each : Label.values()) {
            scores.put(each, each == label ? 1.0 : 0.0);
        }
        return new Classification(label, 1.0, scores, signals);
    }
}
