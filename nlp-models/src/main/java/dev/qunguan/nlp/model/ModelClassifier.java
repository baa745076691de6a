package dev.qunguan.nlp.model;

import dev.qunguan.classify.ActionThresholds;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.Sensitivity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trained classifier: calibrated scores for ad, abuse, question and normal, and a decision that
 * names ad or abuse only when that score reaches the sensitivity's threshold for it (otherwise the better of
 * question and normal). {@link #classify(String)} decides at {@link Sensitivity#NORMAL}. Thread-safe.
 */
public interface ModelClassifier extends Classifier {

    /** Where the shipped model lives on the class path. */
    String DEFAULT_RESOURCE = "/dev/qunguan/nlp/model/qunguan-classifier.bin.gz";

    @Override
    default Classification classify(String text) {
        return classify(text, Sensitivity.NORMAL);
    }

    default Classification classify(String text, Sensitivity sensitivity) {
        return classify(text, sensitivity.thresholds());
    }

    /** Decides with explicit action thresholds. */
    Classification classify(String text, ActionThresholds thresholds);

    /** The temperature that calibrates the raw maxent probabilities (1 = uncalibrated). */
    double temperature();

    void writeTo(OutputStream out) throws IOException;

    default void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        }
    }

    static ModelClassifier load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    static ModelClassifier load(InputStream in) throws IOException {
        return ModelFile.read(in);
    }

    /** Loads the model shipped in this module's resources. */
    static ModelClassifier loadDefault() {
        try (InputStream in = ModelClassifier.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("shipped model " + DEFAULT_RESOURCE + " is missing from the class path");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped model " + DEFAULT_RESOURCE, e);
        }
    }
}
