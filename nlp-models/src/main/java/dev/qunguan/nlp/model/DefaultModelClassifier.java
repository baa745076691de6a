package dev.qunguan.nlp.model;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import dev.qunguan.nlp.text.TextNormalizer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;

/**
 * Normalises, extracts features, scores them with the maxent model's compiled weights, calibrates by
 * temperature and applies the action threshold. Only the compiled weights are kept: the OpenNLP model
 * they came from is not needed to score, evaluate or write the file. Everything is read-only after
 * loading, so one instance serves all threads.
 */
final class DefaultModelClassifier implements ModelClassifier {

    private static final Label[] LABELS = Label.values();

    private final HashedWeights weights;
    private final double temperature;
    private final TextNormalizer normalizer = TextNormalizer.standard();
    private final FeatureExtractor extractor = FeatureExtractor.create();

    private DefaultModelClassifier(HashedWeights weights, double temperature) {
        if (!(temperature > 0.0)) {
            throw new IllegalArgumentException("temperature: " + temperature + " (expected: > 0)");
        }
        this.weights = weights;
        this.temperature = temperature;
    }

    static DefaultModelClassifier of(AbstractModel model, double temperature) {
        return new DefaultModelClassifier(HashedWeights.compile(model), temperature);
    }

    static DefaultModelClassifier of(HashedWeights weights, double temperature) {
        return new DefaultModelClassifier(weights, temperature);
    }

    @Override
    public Classification classify(String text, double actionThreshold) {
        if (!(actionThreshold > 0.0 && actionThreshold <= 1.0)) {
            throw new IllegalArgumentException("actionThreshold: " + actionThreshold + " (expected: 0 < t <= 1)");
        }
        String normalized = normalizer.normalize(text);
        if (normalized.isBlank()) {
            return Classification.certain(Label.NORMAL, List.of());
        }
        WeightSum sum = new WeightSum();
        List<String> signals = extractor.extract(normalized, sum);
        return decide(weights.probabilities(sum.sums, temperature), actionThreshold, signals);
    }

    /** Calibrated probabilities through the compiled weights, indexed by {@link Label#ordinal()}. */
    double[] probabilities(String text) {
        WeightSum sum = new WeightSum();
        extractor.extract(normalizer.normalize(text), sum);
        return weights.probabilities(sum.sums, temperature);
    }

    /** Adds up each feature's per-label weights as the extractor finds it. */
    private final class WeightSum implements FeatureSink {
        final double[] sums = new double[LABELS.length];

        @Override
        public void gram(char[] shaped, int from, int to) {
            weights.addTo(FeatureHash.of(shaped, from, to), sums);
        }

        @Override
        public void feature(String prefix, String body) {
            weights.addTo(FeatureHash.of(prefix, body), sums);
        }
    }

    /** Calibrated probabilities of feature spellings (as the extractor lists them), indexed by {@link Label#ordinal()}. */
    double[] calibrated(String[] features) {
        double[] sums = new double[LABELS.length];
        for (String feature : features) {
            weights.addTo(FeatureHash.of(feature), sums);
        }
        return weights.probabilities(sums, temperature);
    }

    /** Applies a temperature to probabilities indexed by label. */
    static double[] rescale(double[] probabilities, double temperature) {
        double[] scaled = new double[probabilities.length];
        double sum = 0.0;
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = Math.pow(Math.max(probabilities[i], 1e-300), 1.0 / temperature);
            sum += scaled[i];
        }
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] /= sum;
        }
        return scaled;
    }

    static Classification decide(double[] probabilities, double actionThreshold, List<String> signals) {
        Label violation = probabilities[Label.AD.ordinal()] >= probabilities[Label.ABUSE.ordinal()] ? Label.AD : Label.ABUSE;
        Label chat = probabilities[Label.QUESTION.ordinal()] > probabilities[Label.NORMAL.ordinal()]
                ? Label.QUESTION : Label.NORMAL;
        double violationScore = probabilities[violation.ordinal()];
        Label decided = violationScore >= actionThreshold && violationScore >= probabilities[chat.ordinal()]
                ? violation : chat;
        Map<Label, Double> scores = new EnumMap<>(Label.class);
        for (Label label : LABELS) {
            scores.put(label, probabilities[label.ordinal()]);
        }
        return new Classification(decided, Math.min(1.0, probabilities[decided.ordinal()]), scores, signals);
    }

    String[] features(String text) {
        return extractor.extract(normalizer.normalize(text));
    }

    @Override
    public double temperature() {
        return temperature;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ModelFile.write(weights, temperature, out);
    }

    /** The same model with another temperature. */
    DefaultModelClassifier withTemperature(double newTemperature) {
        return new DefaultModelClassifier(weights, newTemperature);
    }

    @Override
    public String toString() {
        return "ModelClassifier(maxent, " + weights.size() + " features, temperature " + temperature + ")";
    }
}
