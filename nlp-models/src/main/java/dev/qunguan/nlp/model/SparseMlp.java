package dev.qunguan.nlp.model;

import dev.qunguan.classify.Label;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A small non-linear model over the maxent's features, as trained by {@link SparseMlpTrainer}: each
 * feature hash picks one of {@code 2^bucketBits} embedding rows, the rows of a line are summed, a ReLU
 * hidden layer follows and one score per label. Unlike the maxent it can weigh a feature by the company
 * it keeps (a group name next to an insult versus next to a neutral verb).
 *
 * <p>Embedding rows stay in memory as the file stores them: one signed byte per value and one float
 * scale per row (2^18 × 48 bytes = 12.6 MB instead of 50 MB of floats); scoring multiplies as it sums.
 * Immutable, so one instance serves all threads; scoring allocates nothing when given a {@link Scratch}.
 */
final class SparseMlp {

    static final int LABELS = Label.values().length;
    private static final int MAX_BUCKET_BITS = 24;
    private static final int MAX_LAYER = 1024;

    private final int bucketBits;
    private final int bucketMask;
    private final int embeddingSize;
    private final int hiddenSize;
    private final byte[] codes; // bucket × embeddingSize; value = code × rowScales[bucket]
    private final float[] rowScales;
    private final float[] hiddenBias;
    private final float[] hiddenWeights; // hiddenSize × embeddingSize
    private final float[] outputBias;
    private final float[] outputWeights; // LABELS × hiddenSize

    SparseMlp(int bucketBits, int embeddingSize, int hiddenSize, byte[] codes, float[] rowScales,
            float[] hiddenBias, float[] hiddenWeights, float[] outputBias, float[] outputWeights) {
        int rows = 1 << bucketBits;
        if (codes.length != rows * embeddingSize || rowScales.length != rows || hiddenBias.length != hiddenSize
                || hiddenWeights.length != hiddenSize * embeddingSize || outputBias.length != LABELS
                || outputWeights.length != LABELS * hiddenSize) {
            throw new IllegalArgumentException("MLP layer sizes do not match " + bucketBits + " bits, "
                    + embeddingSize + " → " + hiddenSize);
        }
        this.bucketBits = bucketBits;
        this.bucketMask = rows - 1;
        this.embeddingSize = embeddingSize;
        this.hiddenSize = hiddenSize;
        this.codes = codes;
        this.rowScales = rowScales;
        this.hiddenBias = hiddenBias;
        this.hiddenWeights = hiddenWeights;
        this.outputBias = outputBias;
        this.outputWeights = outputWeights;
    }

    /** Per-thread working arrays for scoring one line; reset by {@link #clear}. */
    final class Scratch {
        final float[] bag = new float[embeddingSize];
        final float[] hidden = new float[hiddenSize];
        final double[] logits = new double[LABELS];

        void clear() {
            Arrays.fill(bag, 0f);
        }

        /** Adds one feature's embedding row to the bag. */
        void add(long featureHash) {
            addTo(featureHash, bag);
        }

        /** The network's label scores for the bag so far. */
        double[] logits() {
            return SparseMlp.this.logits(this);
        }
    }

    Scratch newScratch() {
        return new Scratch();
    }

    /** The embedding row of a feature given its {@link FeatureHash}; the trainer uses the same rows. */
    static int bucketOf(long featureHash, int bucketMask) {
        long mixed = featureHash * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & bucketMask;
    }

    /** Adds one feature's embedding row, scaled from its bytes, to the bag. */
    void addTo(long featureHash, float[] bag) {
        int row = bucketOf(featureHash, bucketMask);
        float scale = rowScales[row];
        int base = row * embeddingSize;
        for (int d = 0; d < embeddingSize; d++) {
            bag[d] += codes[base + d] * scale;
        }
    }

    /** Label scores (log-probabilities up to a constant) of the scratch's bag, written to its {@code logits}. */
    double[] logits(Scratch scratch) {
        float[] bag = scratch.bag;
        float[] hidden = scratch.hidden;
        for (int h = 0; h < hiddenSize; h++) {
            float sum = hiddenBias[h];
            int base = h * embeddingSize;
            for (int d = 0; d < embeddingSize; d++) {
                sum += hiddenWeights[base + d] * bag[d];
            }
            hidden[h] = Math.max(sum, 0f);
        }
        return outputLayer(outputBias, outputWeights, hidden, scratch.logits);
    }

    /** The softmax layer's inputs: {@code bias + weights · hidden} per label, written into {@code logits}. */
    static double[] outputLayer(float[] bias, float[] weights, float[] hidden, double[] logits) {
        int hiddenSize = hidden.length;
        for (int k = 0; k < LABELS; k++) {
            double sum = bias[k];
            int base = k * hiddenSize;
            for (int h = 0; h < hiddenSize; h++) {
                sum += weights[base + h] * hidden[h];
            }
            logits[k] = sum;
        }
        return logits;
    }

    /** Label scores of feature spellings (as the extractor lists them), indexed by label ordinal. */
    double[] logits(String[] features) {
        Scratch scratch = newScratch();
        for (String feature : features) {
            addTo(FeatureHash.of(feature), scratch.bag);
        }
        return logits(scratch).clone();
    }

    /** Uncalibrated label probabilities of feature spellings, indexed by {@link Label#ordinal()}. */
    double[] probabilities(String[] features) {
        return softmax(logits(features));
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double total = 0.0;
        double[] probabilities = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] = Math.exp(logits[k] - max);
            total += probabilities[k];
        }
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] /= total;
        }
        return probabilities;
    }

    /** Shape and size, for {@code toString} and logs. */
    String describe() {
        return "MLP 2^" + bucketBits + " × " + embeddingSize + " → " + hiddenSize + " → " + LABELS;
    }

    /**
     * Writes the layers as they sit in memory: shape, every row's scale, every row's bytes (rows no
     * training line touched are zero and cost gzip next to nothing), then the small dense layers.
     */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(bucketBits);
        out.writeInt(embeddingSize);
        out.writeInt(hiddenSize);
        writeFloats(out, rowScales);
        out.write(codes);
        writeFloats(out, hiddenBias);
        writeFloats(out, hiddenWeights);
        writeFloats(out, outputBias);
        writeFloats(out, outputWeights);
    }

    /** Reads what {@link #writeTo} wrote; the row bytes go straight into the array scoring uses. */
    static SparseMlp readFrom(DataInput in) throws IOException {
        int bucketBits = in.readInt();
        int embeddingSize = in.readInt();
        int hiddenSize = in.readInt();
        if (bucketBits < 1 || bucketBits > MAX_BUCKET_BITS || embeddingSize < 1 || embeddingSize > MAX_LAYER
                || hiddenSize < 1 || hiddenSize > MAX_LAYER) {
            throw new IOException("MLP shape 2^" + bucketBits + " × " + embeddingSize + " → " + hiddenSize
                    + " (expected: 1..2^" + MAX_BUCKET_BITS + " rows, layers 1.." + MAX_LAYER + ")");
        }
        int rows = 1 << bucketBits;
        float[] rowScales = readFloats(in, rows);
        for (int row = 0; row < rows; row++) {
            if (!(rowScales[row] >= 0f) || Float.isInfinite(rowScales[row])) {
                throw new IOException("MLP row " + row + " scale: " + rowScales[row]);
            }
        }
        byte[] codes = new byte[rows * embeddingSize];
        in.readFully(codes);
        return new SparseMlp(bucketBits, embeddingSize, hiddenSize, codes, rowScales,
                readFloats(in, hiddenSize), readFloats(in, hiddenSize * embeddingSize),
                readFloats(in, LABELS), readFloats(in, LABELS * hiddenSize));
    }

    private static void writeFloats(DataOutput out, float[] values) throws IOException {
        // One bulk buffer: DataOutput.writeFloat per value is several times slower to read back.
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
    }

    private static float[] readFloats(DataInput in, int count) throws IOException {
        byte[] bytes = new byte[count * Float.BYTES];
        in.readFully(bytes);
        float[] values = new float[count];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return values;
    }
}
