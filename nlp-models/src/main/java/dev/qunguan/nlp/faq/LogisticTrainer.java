package dev.qunguan.nlp.faq;

import java.util.Arrays;
import java.util.List;

/**
 * Fits one logistic regression of the second stage: standardises features, then full-batch gradient descent
 * with L2 regularisation (the data set is small: a few thousand candidate pairs). Deterministic.
 */
final class LogisticTrainer {

    private static final int ITERATIONS = 1500;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;

    private LogisticTrainer() {}

    static LogisticModel train(List<double[]> rows, List<Boolean> labels) {
        int n = rows.size();
        int d = PairFeatures.COUNT;
        double[] means = new double[d];
        double[] scales = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                means[j] += row[j] / n;
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scales[j] = Math.sqrt(scales[j]) < 1e-9 ? 1.0 : Math.sqrt(scales[j]);
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (rows.get(i)[j] - means[j]) / scales[j];
            }
        }
        double[] w = new double[d];
        double bias = 0;
        double[] gradient = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Arrays.fill(gradient, 0);
            double biasGradient = 0;
            for (int i = 0; i < n; i++) {
                double z = bias;
                for (int j = 0; j < d; j++) {
                    z += w[j] * x[i][j];
                }
                double error = 1.0 / (1.0 + Math.exp(-z)) - (labels.get(i) ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * x[i][j];
                }
                biasGradient += error;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= LEARNING_RATE * (gradient[j] / n + L2 * w[j]);
            }
            bias -= LEARNING_RATE * biasGradient / n;
        }
        return new LogisticModel(means, scales, w, bias);
    }
}
