package dev.qunguan.nlp.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import org.jspecify.annotations.Nullable;

/**
 * The model file: gzip of a small header (magic, format, feature version, temperature) followed by the
 * maxent weights compiled for scoring ({@link HashedWeights#writeTo}) and, in format 3, the MLP's blend
 * weight and layers with its embedding rows as the bytes it scores with ({@link SparseMlp#writeTo}).
 * Format 2 files (the compiled maxent alone) and format 1 files (the OpenNLP model in its own binary
 * format, compiled on loading; reading that format took about a second of a cold start) are still read
 * and score with the maxent alone. A model trained with other features is refused.
 */
final class ModelFile {

    private static final String MAGIC = "qunguan-classifier";
    private static final int OPENNLP_FORMAT = 1;
    private static final int COMPILED_FORMAT = 2;
    private static final int BLENDED_FORMAT = 3;

    private ModelFile() {}

    /** Writes format 3 with an MLP, format 2 without one. */
    static void write(HashedWeights weights, @Nullable SparseMlp mlp, double mlpWeight, double temperature,
            OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        data.writeUTF(MAGIC);
        data.writeInt(mlp == null ? COMPILED_FORMAT : BLENDED_FORMAT);
        data.writeInt(FeatureExtractor.VERSION);
        data.writeDouble(temperature);
        weights.writeTo(data);
        if (mlp != null) {
            data.writeDouble(mlpWeight);
            mlp.writeTo(data);
        }
        data.flush();
        gzip.finish();
    }

    static ModelClassifier read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        String magic = data.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a qunguan classifier model (header '" + magic + "')");
        }
        int format = data.readInt();
        int features = data.readInt();
        boolean knownFormat = format == OPENNLP_FORMAT || format == COMPILED_FORMAT || format == BLENDED_FORMAT;
        if (!knownFormat || features != FeatureExtractor.VERSION) {
            throw new IOException("model format " + format + " / features " + features + " (expected: "
                    + OPENNLP_FORMAT + ".." + BLENDED_FORMAT + " / " + FeatureExtractor.VERSION + "): retrain the model");
        }
        double temperature = data.readDouble();
        if (format == BLENDED_FORMAT) {
            HashedWeights weights = HashedWeights.readFrom(data);
            double mlpWeight = data.readDouble();
            return DefaultModelClassifier.of(weights, SparseMlp.readFrom(data), mlpWeight, temperature);
        }
        if (format == COMPILED_FORMAT) {
            return DefaultModelClassifier.of(HashedWeights.readFrom(data), temperature);
        }
        AbstractModel model = new GenericModelReader(new BinaryFileDataReader(data)).getModel();
        return DefaultModelClassifier.of(model, temperature);
    }
}
