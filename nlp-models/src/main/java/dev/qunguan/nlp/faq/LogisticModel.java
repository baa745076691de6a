package dev.qunguan.nlp.faq;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/** A logistic regression over standardised {@link PairFeatures}; stored as properties under a key prefix. */
record LogisticModel(double[] means, double[] scales, double[] weights, double bias) {

    LogisticModel {
        int n = PairFeatures.COUNT;
        if (means.length != n || scales.length != n || weights.length != n) {
            throw new IllegalArgumentException("feature arrays: lengths " + means.length + "/" + scales.length
                    + "/" + weights.length + " (expected: " + n + " each)");
        }
        means = means.clone();
        scales = scales.clone();
        weights = weights.clone();
    }

    /** Every input gets 0.5: the starting point for training. */
    static LogisticModel blank() {
        int n = PairFeatures.COUNT;
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return new LogisticModel(new double[n], ones, new double[n], 0.0);
    }

    double probability(double[] features) {
        return 1.0 / (1.0 + Math.exp(-logit(features)));
    }

    double logit(double[] features) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (features[i] - means[i]) / scales[i];
        }
        return z;
    }

    static LogisticModel load(Properties properties, String prefix) {
        return new LogisticModel(
                doubles(properties, prefix + "means"),
                doubles(properties, prefix + "scales"),
                doubles(properties, prefix + "weights"),
                Double.parseDouble(required(properties, prefix + "bias")));
    }

    void store(Writer out, String prefix) throws IOException {
        out.write(prefix + "means=" + join(means) + "\n");
        out.write(prefix + "scales=" + join(scales) + "\n");
        out.write(prefix + "weights=" + join(weights) + "\n");
        out.write(prefix + "bias=" + String.format(Locale.ROOT, "%.6f", bias) + "\n");
    }

    private static double[] doubles(Properties properties, String key) {
        return Arrays.stream(required(properties, key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("scorer property " + key + " missing: retrain with FaqTools train");
        }
        return value;
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.6f", v)).collect(Collectors.joining(","));
    }
}
