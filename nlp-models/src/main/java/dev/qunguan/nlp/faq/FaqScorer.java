package dev.qunguan.nlp.faq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The second stage, two logistic regressions over {@link PairFeatures}: a ranking model, fitted on every
 * shortlisted candidate, picks the best entry; an acceptance model, fitted only on the candidates the
 * ranking model put first, gives the calibrated probability that this best entry is right — the harder
 * question, since it must tell a paraphrase from a near-duplicate asking something else. Shipped as
 * {@code faq-scorer.properties} next to this class; retrained with {@code FaqTools train}.
 */
record FaqScorer(LogisticModel ranking, LogisticModel acceptance, double threshold) {

    static final String RESOURCE = "faq-scorer.properties";

    FaqScorer {
        Objects.requireNonNull(ranking, "ranking");
        Objects.requireNonNull(acceptance, "acceptance");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: " + threshold + " (expected: 0..1)");
        }
    }

    /** A scorer that knows nothing (every candidate 0.5): the starting point for training. */
    static FaqScorer untrained() {
        return new FaqScorer(LogisticModel.blank(), LogisticModel.blank(), 0.5);
    }

    FaqScorer withThreshold(double newThreshold) {
        return new FaqScorer(ranking, acceptance, newThreshold);
    }

    static FaqScorer shipped() {
        return Holder.SHIPPED;
    }

    private static final class Holder {
        static final FaqScorer SHIPPED = load();
    }

    private static FaqScorer load() {
        try (InputStream in = FaqScorer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing next to " + FaqScorer.class.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            List<String> names = List.of(properties.getProperty("features", "").split(","));
            if (!names.equals(PairFeatures.NAMES)) {
                throw new IllegalStateException(RESOURCE + " was trained on features " + names
                        + " but the code computes " + PairFeatures.NAMES + ": retrain with FaqTools train");
            }
            return new FaqScorer(
                    LogisticModel.load(properties, "ranking."),
                    LogisticModel.load(properties, "acceptance."),
                    Double.parseDouble(properties.getProperty("threshold")));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    void store(Writer out, String comment) throws IOException {
        out.write("# " + comment + "\n");
        out.write("features=" + String.join(",", PairFeatures.NAMES) + "\n");
        ranking.store(out, "ranking.");
        acceptance.store(out, "acceptance.");
        out.write("threshold=" + String.format(Locale.ROOT, "%.4f", threshold) + "\n");
    }
}
