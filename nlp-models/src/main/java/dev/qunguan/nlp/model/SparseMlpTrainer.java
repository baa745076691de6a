package dev.qunguan.nlp.model;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Trains a {@link SparseMlp} on feature spellings: AdaGrad with dropout on the hidden layer, from a
 * fixed seed and single-threaded, so the same data gives the same weights. Training runs in floats;
 * {@link #quantised()} then rounds each embedding row to one float scale and a signed byte per value,
 * the form the classifier keeps and the file stores. The float weights stay here as the reference the
 * byte rows are checked against.
 */
final class SparseMlpTrainer {

    private static final int LABELS = SparseMlp.LABELS;

    /** Training settings; the defaults are the values measured in MODEL_CARD.md. */
    record Settings(int bucketBits, int embeddingSize, int hiddenSize, int epochs, double learningRate,
            double dropout, long seed) {
        Settings {
            if (bucketBits < 8 || bucketBits > 24) {
                throw new IllegalArgumentException("bucketBits: " + bucketBits + " (expected: 8..24)");
            }
            if (embeddingSize < 1 || hiddenSize < 1 || epochs < 1) {
                throw new IllegalArgumentException("sizes and epochs must be >= 1");
            }
            if (!(learningRate > 0.0) || !(dropout >= 0.0 && dropout < 1.0)) {
                throw new IllegalArgumentException("learningRate > 0 and 0 <= dropout < 1 expected");
            }
        }

        static Settings defaults() {
            return new Settings(18, 48, 48, 3, 0.05, 0.5, 20240601L);
        }

        Settings withSeed(long newSeed) {
            return new Settings(bucketBits, embeddingSize, hiddenSize, epochs, learningRate, dropout, newSeed);
        }
    }

    private final int bucketBits;
    private final int bucketMask;
    private final int embeddingSize;
    private final int hiddenSize;
    private final float[] embedding; // bucket × embeddingSize
    private final float[] hiddenBias;
    private final float[] hiddenWeights; // hiddenSize × embeddingSize
    private final float[] outputBias;
    private final float[] outputWeights; // LABELS × hiddenSize

    private SparseMlpTrainer(Settings settings) {
        this.bucketBits = settings.bucketBits();
        this.bucketMask = (1 << bucketBits) - 1;
        this.embeddingSize = settings.embeddingSize();
        this.hiddenSize = settings.hiddenSize();
        this.embedding = new float[(bucketMask + 1) * embeddingSize];
        this.hiddenBias = new float[hiddenSize];
        this.hiddenWeights = new float[hiddenSize * embeddingSize];
        this.outputBias = new float[LABELS];
        this.outputWeights = new float[LABELS * hiddenSize];
    }

    /** Trains and rounds to byte rows: the model to score and save. */
    static SparseMlp train(List<Example> examples, Settings settings) {
        return fit(examples, settings).quantised();
    }

    /** Trains and keeps the float weights (see {@link #quantised()} and {@link #logits(String[])}). */
    static SparseMlpTrainer fit(List<Example> examples, Settings settings) {
        SparseMlpTrainer trainer = new SparseMlpTrainer(settings);
        trainer.run(examples, settings);
        return trainer;
    }

    /** Label scores of the float network, before its rows were rounded to bytes. */
    double[] logits(String[] features) {
        float[] bag = new float[embeddingSize];
        sumRows(buckets(features), bag);
        float[] hidden = new float[hiddenSize];
        hidden(bag, hidden, null, 1f);
        return output(hidden);
    }

    /** Each embedding row as a scale (its largest magnitude / 127) and bytes; the dense layers copied. */
    SparseMlp quantised() {
        int rows = bucketMask + 1;
        byte[] codes = new byte[embedding.length];
        float[] scales = new float[rows];
        for (int row = 0; row < rows; row++) {
            int base = row * embeddingSize;
            float largest = 0f;
            for (int d = 0; d < embeddingSize; d++) {
                largest = Math.max(largest, Math.abs(embedding[base + d]));
            }
            if (largest == 0f) {
                continue;
            }
            float scale = largest / 127f;
            scales[row] = scale;
            for (int d = 0; d < embeddingSize; d++) {
                codes[base + d] = (byte) Math.max(-127, Math.min(127, Math.round(embedding[base + d] / scale)));
            }
        }
        return new SparseMlp(bucketBits, embeddingSize, hiddenSize, codes, scales, hiddenBias.clone(),
                hiddenWeights.clone(), outputBias.clone(), outputWeights.clone());
    }

    private int[] buckets(String[] features) {
        int[] buckets = new int[features.length];
        for (int i = 0; i < features.length; i++) {
            buckets[i] = SparseMlp.bucketOf(FeatureHash.of(features[i]), bucketMask);
        }
        return buckets;
    }

    private void sumRows(int[] buckets, float[] bag) {
        for (int bucket : buckets) {
            int base = bucket * embeddingSize;
            for (int d = 0; d < embeddingSize; d++) {
                bag[d] += embedding[base + d];
            }
        }
    }

    /** ReLU hidden layer; with a keep mask, dropped units are zero and kept ones scaled by 1 / keep. */
    private void hidden(float[] bag, float[] hidden, boolean @Nullable [] kept, float scale) {
        for (int h = 0; h < hiddenSize; h++) {
            if (kept != null && !kept[h]) {
                hidden[h] = 0f;
                continue;
            }
            float sum = hiddenBias[h];
            int base = h * embeddingSize;
            for (int d = 0; d < embeddingSize; d++) {
                sum += hiddenWeights[base + d] * bag[d];
            }
            hidden[h] = sum > 0f ? sum * scale : 0f;
        }
    }

    private double[] output(float[] hidden) {
        return SparseMlp.outputLayer(outputBias, outputWeights, hidden, new double[LABELS]);
    }

    private void run(List<Example> examples, Settings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        initialise(embedding, 0.1f, random);
        initialise(hiddenWeights, (float) Math.sqrt(2.0 / embeddingSize), random);
        initialise(outputWeights, (float) Math.sqrt(1.0 / hiddenSize), random);
        // AdaGrad accumulators: sparse rows only ever see their own features' gradients.
        float[] embeddingSquares = new float[embedding.length];
        float[] hiddenWeightSquares = new float[hiddenWeights.length];
        float[] hiddenBiasSquares = new float[hiddenBias.length];
        float[] outputWeightSquares = new float[outputWeights.length];
        float[] outputBiasSquares = new float[outputBias.length];
        int[][] buckets = new int[examples.size()][];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = buckets(examples.get(i).features());
        }
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float keep = (float) (1.0 - settings.dropout());
        float rate = (float) settings.learningRate();
        float[] bag = new float[embeddingSize];
        float[] hidden = new float[hiddenSize];
        boolean[] kept = new boolean[hiddenSize];
        float[] hiddenGradient = new float[hiddenSize];
        float[] bagGradient = new float[embeddingSize];
        boolean[] touched = new boolean[bucketMask + 1];
        for (int[] rows : buckets) {
            for (int row : rows) {
                touched[row] = true;
            }
        }
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int index : order) {
                int[] rows = buckets[index];
                Arrays.fill(bag, 0f);
                sumRows(rows, bag);
                for (int h = 0; h < hiddenSize; h++) {
                    kept[h] = random.nextDouble() < keep;
                }
                hidden(bag, hidden, kept, 1f / keep);
                double[] probabilities = SparseMlp.softmax(output(hidden));
                int truth = examples.get(index).label().ordinal();
                Arrays.fill(hiddenGradient, 0f);
                for (int k = 0; k < LABELS; k++) {
                    float delta = (float) (probabilities[k] - (k == truth ? 1.0 : 0.0));
                    int base = k * hiddenSize;
                    for (int h = 0; h < hiddenSize; h++) {
                        hiddenGradient[h] += delta * outputWeights[base + h];
                        step(outputWeights, outputWeightSquares, base + h, delta * hidden[h], rate);
                    }
                    step(outputBias, outputBiasSquares, k, delta, rate);
                }
                Arrays.fill(bagGradient, 0f);
                for (int h = 0; h < hiddenSize; h++) {
                    if (hidden[h] <= 0f) {
                        continue;
                    }
                    float gradient = hiddenGradient[h] / keep;
                    int base = h * embeddingSize;
                    for (int d = 0; d < embeddingSize; d++) {
                        bagGradient[d] += gradient * hiddenWeights[base + d];
                        step(hiddenWeights, hiddenWeightSquares, base + d, gradient * bag[d], rate);
                    }
                    step(hiddenBias, hiddenBiasSquares, h, gradient, rate);
                }
                for (int row : rows) {
                    int base = row * embeddingSize;
                    for (int d = 0; d < embeddingSize; d++) {
                        step(embedding, embeddingSquares, base + d, bagGradient[d], rate);
                    }
                }
            }
        }
        // A feature no training line had must add nothing at scoring time, not its random start.
        for (int row = 0; row < touched.length; row++) {
            if (!touched[row]) {
                Arrays.fill(embedding, row * embeddingSize, (row + 1) * embeddingSize, 0f);
            }
        }
    }

    private static void step(float[] parameters, float[] squares, int index, float gradient, float rate) {
        squares[index] += gradient * gradient;
        parameters[index] -= rate * gradient / (float) Math.sqrt(squares[index] + 1e-8f);
    }

    private static void initialise(float[] parameters, float scale, SplittableRandom random) {
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = (float) ((random.nextDouble() * 2.0 - 1.0) * scale);
        }
    }
}
