package dev.qunguan.nlp.faq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The second-stage scorer: a logistic regression over standardised {@link PairFeatures}, giving the
 * probability that a candidate is the entry the question means, and the threshold an answer needs.
 * Shipped as {@code faq-scorer.properties} next to this class; retrained with {@code FaqTools train}.
 */
record FaqScorer(List<String> names, double[] means, double[] scales, double[] weights, double bias, double threshold) {

    static final String RESOURCE = "faq-scorer.properties";

    FaqScorer {
        names = List.copyOf(names);
        if (means.length != names.size() || scales.length != names.size() || weights.length != names.size()) {
            throw new IllegalArgumentException("feature arrays: lengths " + means.length + "/" + scales.length
                    + "/" + weights.length + " (expected: " + names.size() + " each)");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: " + threshold + " (expected: 0..1)");
        }
        means = means.clone();
        scales = scales.clone();
        weights = weights.clone();
    }

    double probability(double[] features) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (features[i] - means[i]) / scales[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    FaqScorer withThreshold(double newThreshold) {
        return new FaqScorer(names, means, scales, weights, bias, newThreshold);
    }

    /** A scorer that knows nothing (every candidate 0.5): the starting point for training. */
    static FaqScorer untrained() {
        int d = PairFeatures.COUNT;
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new FaqScorer(PairFeatures.NAMES, new double[d], ones, new double[d], 0.0, 0.5);
    }

    static FaqScorer shipped() {
        return Holder.SHIPPED;
    }

    private static final class Holder {
        static final FaqScorer SHIPPED = load();
    }

    private static FaqScorer load() {
        try (InputStream in = FaqScorer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing next to " + FaqScorer.class.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            List<String> names = List.of(properties.getProperty("features").split(","));
            if (!names.equals(PairFeatures.NAMES)) {
                throw new IllegalStateException(RESOURCE + " was trained on features " + names
                        + " but the code computes " + PairFeatures.NAMES + ": retrain with FaqTools train");
            }
            return new FaqScorer(
                    names,
                    doubles(properties, "means"),
                    doubles(properties, "scales"),
                    doubles(properties, "weights"),
                    Double.parseDouble(properties.getProperty("bias")),
                    Double.parseDouble(properties.getProperty("threshold")));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    private static double[] doubles(Properties properties, String key) {
        return Arrays.stream(properties.getProperty(key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    void store(Writer out, String comment) throws IOException {
        out.write("# " + comment + "\n");
        out.write("features=" + String.join(",", names) + "\n");
        out.write("means=" + join(means) + "\n");
        out.write("scales=" + join(scales) + "\n");
        out.write("weights=" + join(weights) + "\n");
        out.write("bias=" + String.format(Locale.ROOT, "%.6f", bias) + "\n");
        out.write("threshold=" + String.format(Locale.ROOT, "%.4f", threshold) + "\n");
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.6f", v)).collect(Collectors.joining(","));
    }
}
