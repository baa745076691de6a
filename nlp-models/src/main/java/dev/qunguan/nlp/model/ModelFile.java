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
import opennlp.tools.ml.model.GenericModelWriter;

/**
 * The model file: gzip of a small header (magic, format, feature version, temperature) followed by the
 * OpenNLP maxent model in its own binary format. A model trained with other features is refused.
 */
final class ModelFile {

    private static final String MAGIC = "qunguan-classifier";
    private static final int FORMAT = 1;

    private ModelFile() {}

    static void write(AbstractModel model, double temperature, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT);
        data.writeInt(FeatureExtractor.VERSION);
        data.writeDouble(temperature);
        new GenericModelWriter(model, data).persist();
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
        if (format != FORMAT || features != FeatureExtractor.VERSION) {
            throw new IOException("model format " + format + " / features " + features
                    + " (expected: " + FORMAT + " / " + FeatureExtractor.VERSION + "): retrain the model");
        }
        double temperature = data.readDouble();
        AbstractModel model = new GenericModelReader(new BinaryFileDataReader(data)).getModel();
        return DefaultModelClassifier.of(model, temperature);
    }
}
