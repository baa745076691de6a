package dev.qunguan.nlp.model;

/**
 * How to train: OpenNLP's quasi-Newton maxent trainer settings, the number of folds whose held-out
 * predictions fit the confidence calibration (0 = no calibration), trainer threads and the fold seed.
 */
public record TrainingOptions(int iterations, int cutoff, double l2Cost, int calibrationFolds, int threads, long seed) {
    public TrainingOptions {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: " + iterations + " (expected: >= 1)");
        }
        if (cutoff < 1) {
            throw new IllegalArgumentException("cutoff: " + cutoff + " (expected: >= 1)");
        }
        if (!(l2Cost >= 0.0)) {
            throw new IllegalArgumentException("l2Cost: " + l2Cost + " (expected: >= 0)");
        }
        if (calibrationFolds < 0 || calibrationFolds == 1) {
            throw new IllegalArgumentException("calibrationFolds: " + calibrationFolds + " (expected: 0 or >= 2)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " (expected: >= 1)");
        }
    }

    /** The settings the shipped model was trained with. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(80, 2, 0.1, 3, Math.max(1, Runtime.getRuntime().availableProcessors()), 20240601L);
    }

    /** Same settings without the calibration folds: a quarter of the training time, temperature 1. */
    public TrainingOptions withoutCalibration() {
        return new TrainingOptions(iterations, cutoff, l2Cost, 0, threads, seed);
    }
}
