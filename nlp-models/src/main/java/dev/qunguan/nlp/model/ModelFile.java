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

/**
 * The model file: gzip of a small header (magic, format, feature version, temperature) followed by the
 * maxent weights compiled for scoring (format 2: {@link HashedWeights#writeTo}). Format 1 files, which
 * carry the OpenNLP model in its own binary format instead, are still read and compiled on loading;
 * reading OpenNLP's format took about a second of a cold start, the compiled table a few tens of
 * milliseconds. A model trained with other features is refused.
 */
final class ModelFile {

    private static final String MAGIC = "qunguan-classifier";
    private static final int OPENNLP_FORMAT = 1;
    private static final int COMPILED_FORMAT = 2;

    private ModelFile() {}

    static void write(HashedWeights weights, double temperature, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        data.writeUTF(MAGIC);
        data.writeInt(COMPILED_FORMAT);
        data.writeInt(FeatureExtractor.VERSION);
        data.writeDouble(temperature);
        weights.writeTo(data);
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
        boolean knownFormat = format == OPENNLP_FORMAT || format == COMPILED_FORMAT;
        if (!knownFormat || features != FeatureExtractor.VERSION) {
            throw new IOException("model format " + format + " / features " + features + " (expected: "
                    + OPENNLP_FORMAT + " or " + COMPILED_FORMAT + " / " + FeatureExtractor.VERSION + "): retrain the model");
        }
        double temperature = data.readDouble();
        if (format == COMPILED_FORMAT) {
            return DefaultModelClassifier.of(HashedWeights.readFrom(data), temperature);
        }
        AbstractModel model = new GenericModelReader(new BinaryFileDataReader(data)).getModel();
        return DefaultModelClassifier.of(model, temperature);
    }
}
