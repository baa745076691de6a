package dev.qunguan.nlp.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.classify.Label;
import dev.qunguan.nlp.EvalData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiled weight table must score exactly like the OpenNLP model it was compiled from: same
 * probabilities to 1e-6 on the corpus lines and every fourth dev line (when present), at the shipped temperature.
 */
final class HashedWeightsTest {

    private static final DefaultModelClassifier MODEL = (DefaultModelClassifier) ModelClassifier.loadDefault();

    @Test
    void scoresEveryLineLikeTheOpenNlpModelToAMillionth() throws IOException {
        List<String> texts = texts();
        double worst = 0.0;
        for (String text : texts) {
            double[] compiled = MODEL.probabilities(text);
            double[] reference = MODEL.calibrated(MODEL.features(text));
            for (Label label : Label.values()) {
                worst = Math.max(worst, Math.abs(compiled[label.ordinal()] - reference[label.ordinal()]));
            }
        }
        assertThat(texts).hasSizeGreaterThan(1000);
        assertThat(worst).as("largest probability difference").isLessThan(1e-6);
    }

    @Test
    void holdsOneEntryPerModelFeature() {
        Object[] structures = MODEL.openNlpModel().getDataStructures();
        int features = ((java.util.Map<?, ?>) structures[1]).size();

        assertThat(HashedWeights.compile(MODEL.openNlpModel()).size()).isEqualTo(features);
    }

    @Test
    void hashesACharSliceLikeTheStringItSpells() {
        char[] chars = "^加微信$".toCharArray();

        assertThat(FeatureHash.of(chars, 1, 4)).isEqualTo(FeatureHash.of("加微信"));
        assertThat(FeatureHash.of("\u0001", "微信")).isEqualTo(FeatureHash.of("\u0001微信"));
        assertThat(FeatureHash.of("加微")).isNotEqualTo(FeatureHash.of("微加"));
    }

    private static List<String> texts() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(Path.of("corpus"))) {
            corpus.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        List<String> texts = new ArrayList<>();
        for (LabelledText line : JsonLines.read(files)) {
            texts.add(line.text());
        }
        Optional<Path> devSet = EvalData.file("messages-dev.jsonl");
        if (devSet.isPresent()) {
            List<LabelledText> dev = JsonLines.read(devSet.get());
            for (int i = 0; i < dev.size(); i += 4) {
                texts.add(dev.get(i).text());
            }
        }
        return texts;
    }
}
