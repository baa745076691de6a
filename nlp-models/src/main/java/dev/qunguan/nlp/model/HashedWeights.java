package dev.qunguan.nlp.model;

import dev.qunguan.classify.Label;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The trained maxent model compiled for scoring: an open-addressing table from feature hash to one
 * weight per label, so scoring a text is a few array look-ups instead of a string-keyed map look-up per
 * feature. It sums the same weights as OpenNLP's own evaluation. Immutable after construction.
 */
final class HashedWeights {

    private static final Label[] LABELS = Label.values();
    private static final int ENTRY_BYTES = Long.BYTES + Label.values().length * Float.BYTES;
    /** Far beyond any model trained here (about 100,000 features); guards against a corrupt size. */
    private static final int MAX_FEATURES = 1 << 22;
    private static final int TAKEN = -1;

    private final long[] keys;
    private final float[] weights; // LABELS.length per slot, by label ordinal
    private final boolean[] labelKnown;
    private final int mask;

    private HashedWeights(long[] keys, float[] weights, boolean[] labelKnown) {
        this.keys = keys;
        this.weights = weights;
        this.labelKnown = labelKnown;
        this.mask = keys.length - 1;
    }

    /** Compiles an OpenNLP maxent model whose outcomes are label wire names. */
    static HashedWeights compile(AbstractModel model) {
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) model.getDataStructures()[1];
        int[] labelOfOutcome = new int[model.getNumOutcomes()];
        boolean[] labelKnown = new boolean[LABELS.length];
        for (int outcome = 0; outcome < labelOfOutcome.length; outcome++) {
            Label label = labelNamed(model.getOutcome(outcome));
            labelOfOutcome[outcome] = label.ordinal();
            labelKnown[label.ordinal()] = true;
        }
        int capacity = capacityFor(predicates.size());
        long[] keys = new long[capacity];
        float[] weights = new float[capacity * LABELS.length];
        int mask = capacity - 1;
        for (Map.Entry<String, Context> entry : predicates.entrySet()) {
            long hash = FeatureHash.of(entry.getKey());
            int slot = freeSlot(keys, hash, mask);
            if (slot == TAKEN) {
                throw new IllegalStateException("two model features share hash " + Long.toHexString(hash)
                        + " (one is '" + entry.getKey() + "')");
            }
            keys[slot] = hash;
            Context context = entry.getValue();
            int[] outcomes = context.getOutcomes();
            double[] parameters = context.getParameters();
            for (int k = 0; k < outcomes.length; k++) {
                // Single precision halves the table; a line's summed error stays far below 1e-6 in probability.
                weights[slot * LABELS.length + labelOfOutcome[outcomes[k]]] += (float) parameters[k];
            }
        }
        return new HashedWeights(keys, weights, labelKnown);
    }

    /**
     * Writes the table as the model file stores it: which labels the model knows, then each feature's
     * hash and per-label weights. Enough to score; no OpenNLP model is needed to read it back.
     */
    void writeTo(DataOutput out) throws IOException {
        for (boolean known : labelKnown) {
            out.writeBoolean(known);
        }
        int size = size();
        out.writeInt(size);
        ByteBuffer entries = ByteBuffer.allocate(size * ENTRY_BYTES);
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != 0) {
                entries.putLong(keys[slot]);
                for (int label = 0; label < LABELS.length; label++) {
                    entries.putFloat(weights[slot * LABELS.length + label]);
                }
            }
        }
        out.write(entries.array());
    }

    /** Reads what {@link #writeTo} wrote: one bulk read, then the entries inserted into a fresh table. */
    static HashedWeights readFrom(DataInput in) throws IOException {
        boolean[] labelKnown = new boolean[LABELS.length];
        for (int label = 0; label < LABELS.length; label++) {
            labelKnown[label] = in.readBoolean();
        }
        int size = in.readInt();
        if (size < 0 || size > MAX_FEATURES) {
            throw new IOException("weight table of " + size + " features (expected: 0.." + MAX_FEATURES + ")");
        }
        byte[] bytes = new byte[size * ENTRY_BYTES];
        in.readFully(bytes);
        ByteBuffer entries = ByteBuffer.wrap(bytes);
        int capacity = capacityFor(size);
        long[] keys = new long[capacity];
        float[] weights = new float[capacity * LABELS.length];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            long hash = entries.getLong();
            int slot = freeSlot(keys, hash, mask);
            if (slot == TAKEN) {
                throw new IOException("weight table lists feature hash " + Long.toHexString(hash) + " twice");
            }
            keys[slot] = hash;
            for (int label = 0; label < LABELS.length; label++) {
                weights[slot * LABELS.length + label] = entries.getFloat();
            }
        }
        return new HashedWeights(keys, weights, labelKnown);
    }

    /** Adds the feature's weights to {@code sums} (indexed by label ordinal); unknown features add nothing. */
    void addTo(long hash, double[] sums) {
        int slot = slotOf(hash, mask);
        long key;
        while ((key = keys[slot]) != 0) {
            if (key == hash) {
                int base = slot * LABELS.length;
                for (int label = 0; label < LABELS.length; label++) {
                    sums[label] += weights[base + label];
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Probabilities indexed by label ordinal from summed weights, softened by a temperature: the softmax
     * of sums / temperature, which equals OpenNLP's probabilities raised to 1 / temperature and
     * renormalised. Labels the model never saw get 0.
     */
    double[] probabilities(double[] sums, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int label = 0; label < LABELS.length; label++) {
            if (labelKnown[label]) {
                max = Math.max(max, sums[label]);
            }
        }
        double[] probabilities = new double[LABELS.length];
        double total = 0.0;
        for (int label = 0; label < LABELS.length; label++) {
            if (labelKnown[label]) {
                probabilities[label] = Math.exp((sums[label] - max) / temperature);
                total += probabilities[label];
            }
        }
        for (int label = 0; label < LABELS.length; label++) {
            probabilities[label] /= total;
        }
        return probabilities;
    }

    int size() {
        int size = 0;
        for (long key : keys) {
            size += key != 0 ? 1 : 0;
        }
        return size;
    }

    private static Label labelNamed(String wireName) {
        for (Label label : LABELS) {
            if (label.wireName().equals(wireName)) {
                return label;
            }
        }
        throw new IllegalArgumentException("model outcome '" + wireName + "' is not a label");
    }

    // At most two thirds full: probe chains stay short.
    private static int capacityFor(int features) {
        return Integer.highestOneBit(Math.max(16, features * 3 / 2)) << 1;
    }

    /** The empty slot where {@code hash} goes, or {@link #TAKEN} when the table already holds it. */
    private static int freeSlot(long[] keys, long hash, int mask) {
        int slot = slotOf(hash, mask);
        while (keys[slot] != 0) {
            if (keys[slot] == hash) {
                return TAKEN;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int slotOf(long hash, int mask) {
        long mixed = hash * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }
}
