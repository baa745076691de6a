package dev.qunguan.nlp.model;

import dev.qunguan.classify.ActionThresholds;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import dev.qunguan.nlp.text.TextNormalizer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import org.jspecify.annotations.Nullable;

/**
 * Normalises, extracts features, scores them with the maxent model's compiled weights and, when the
 * model has one, the sparse MLP (blended: a weighted mean of the two models' log-probabilities),
 * calibrates by temperature and applies the action threshold. Only the compiled weights are kept: the
 * OpenNLP model they came from is not needed to score, evaluate or write the file. Everything is
 * read-only after loading, so one instance serves all threads; each thread sums into its own scratch.
 */
final class DefaultModelClassifier implements ModelClassifier {

    private static final Label[] LABELS = Label.values();

    private final HashedWeights weights;
    private final double temperature;
    private final @Nullable SparseMlp mlp;
    private final double mlpWeight;
    private final TextNormalizer normalizer = TextNormalizer.standard();
    private final FeatureExtractor extractor = FeatureExtractor.create();
    private final ThreadLocal<WeightSum> sums = ThreadLocal.withInitial(WeightSum::new);

    private DefaultModelClassifier(HashedWeights weights, double temperature, @Nullable SparseMlp mlp, double mlpWeight) {
        if (!(temperature > 0.0)) {
            throw new IllegalArgumentException("temperature: " + temperature + " (expected: > 0)");
        }
        if (!(mlpWeight >= 0.0 && mlpWeight < 1.0) || (mlp == null && mlpWeight != 0.0)) {
            throw new IllegalArgumentException("mlpWeight: " + mlpWeight + " (expected: 0 <= w < 1, 0 without an MLP)");
        }
        this.weights = weights;
        this.temperature = temperature;
        this.mlp = mlp;
        this.mlpWeight = mlpWeight;
    }

    static DefaultModelClassifier of(AbstractModel model, double temperature) {
        return new DefaultModelClassifier(HashedWeights.compile(model), temperature, null, 0.0);
    }

    /** The maxent alone (model formats 1 and 2). */
    static DefaultModelClassifier of(HashedWeights weights, double temperature) {
        return new DefaultModelClassifier(weights, temperature, null, 0.0);
    }

    /** The maxent blended with an MLP: {@code mlpWeight} of the log-probabilities come from the MLP (format 3). */
    static DefaultModelClassifier of(HashedWeights weights, SparseMlp mlp, double mlpWeight, double temperature) {
        return new DefaultModelClassifier(weights, temperature, mlp, mlpWeight);
    }

    @Override
    public Classification classify(String text, ActionThresholds thresholds) {
        String normalized = normalizer.normalize(text);
        if (normalized.isBlank()) {
            return Classification.certain(Label.NORMAL, List.of());
        }
        WeightSum sum = sums.get();
        sum.clear();
        List<String> signals = extractor.extract(normalized, sum);
        return decide(weights.probabilities(sum.scores(), temperature), thresholds, signals);
    }

    /** Calibrated probabilities through the compiled weights (and MLP), indexed by {@link Label#ordinal()}. */
    double[] probabilities(String text) {
        WeightSum sum = sums.get();
        sum.clear();
        extractor.extract(normalizer.normalize(text), sum);
        return weights.probabilities(sum.scores(), temperature);
    }

    /** The maxent part alone at the same temperature (itself when there is no MLP): what the blend is compared with. */
    DefaultModelClassifier maxentAlone() {
        return mlp == null ? this : new DefaultModelClassifier(weights, temperature, null, 0.0);
    }

    /** Adds up each feature's per-label weights and MLP embedding row as the extractor finds it. */
    private final class WeightSum implements FeatureSink {
        final double[] sums = new double[LABELS.length];
        final double[] blended = new double[LABELS.length];
        final SparseMlp.@Nullable Scratch network = mlp == null ? null : mlp.newScratch();

        void clear() {
            Arrays.fill(sums, 0.0);
            if (network != null) {
                network.clear();
            }
        }

        @Override
        public void gram(char[] shaped, int from, int to) {
            add(FeatureHash.of(shaped, from, to));
        }

        @Override
        public void feature(String prefix, String body) {
            add(FeatureHash.of(prefix, body));
        }

        private void add(long hash) {
            weights.addTo(hash, sums);
            if (network != null) {
                network.add(hash);
            }
        }

        /** Scores whose softmax is the blend: the weighted log-probabilities differ from these by a constant. */
        double[] scores() {
            return network == null ? sums : blend(sums, network.logits(), blended);
        }
    }

    private double[] blend(double[] maxentSums, double[] mlpLogits, double[] into) {
        for (int label = 0; label < LABELS.length; label++) {
            into[label] = (1 - mlpWeight) * maxentSums[label] + mlpWeight * mlpLogits[label];
        }
        return into;
    }

    /** Calibrated probabilities of feature spellings (as the extractor lists them), indexed by {@link Label#ordinal()}. */
    double[] calibrated(String[] features) {
        double[] sums = new double[LABELS.length];
        for (String feature : features) {
            weights.addTo(FeatureHash.of(feature), sums);
        }
        if (mlp != null) {
            blend(sums, mlp.logits(features), sums);
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

    static Classification decide(double[] probabilities, ActionThresholds thresholds, List<String> signals) {
        Label chat = probabilities[Label.QUESTION.ordinal()] > probabilities[Label.NORMAL.ordinal()]
                ? Label.QUESTION : Label.NORMAL;
        Label violation = thresholds.violation(probabilities[Label.AD.ordinal()], probabilities[Label.ABUSE.ordinal()]);
        Label decided = violation != null && probabilities[violation.ordinal()] >= probabilities[chat.ordinal()]
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
        ModelFile.write(weights, mlp, mlpWeight, temperature, out);
    }

    /** The same model with another temperature. */
    DefaultModelClassifier withTemperature(double newTemperature) {
        return new DefaultModelClassifier(weights, newTemperature, mlp, mlpWeight);
    }

    @Override
    public String toString() {
        return "ModelClassifier(maxent, " + weights.size() + " features"
                + (mlp == null ? "" : " + " + mlp.describe() + " at weight " + mlpWeight)
                + ", temperature " + temperature + ")";
    }
}
