package dev.qunguan.nlp.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.classify.Label;
import dev.qunguan.nlp.EvalData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.GenericModelWriter;
import org.junit.jupiter.api.Test;

/**
 * The compiled weight table must score exactly like the OpenNLP model it was compiled from (same
 * probabilities to 1e-6 on the corpus lines and every fourth dev line, when present), and survive the
 * model file unchanged. The OpenNLP model is trained here on the corpus: the shipped file no longer
 * carries one.
 */
final class HashedWeightsTest {

    private static final AbstractModel OPENNLP = MaxentTrainer.fit(corpusExamples(),
            TrainingOptions.defaults().withoutCalibration());
    private static final HashedWeights COMPILED = HashedWeights.compile(OPENNLP);

    @Test
    void scoresEveryLineLikeTheOpenNlpModelToAMillionth() throws IOException {
        List<String> texts = texts();
        DefaultModelClassifier classifier = DefaultModelClassifier.of(COMPILED, 1.0);
        double worst = 0.0;
        for (String text : texts) {
            double[] compiled = classifier.probabilities(text);
            double[] reference = OPENNLP.eval(classifier.features(text));
            for (Label label : Label.values()) {
                double expected = reference[OPENNLP.getIndex(label.wireName())];
                worst = Math.max(worst, Math.abs(compiled[label.ordinal()] - expected));
            }
        }
        assertThat(texts).hasSizeGreaterThan(1000);
        assertThat(worst).as("largest probability difference").isLessThan(1e-6);
    }

    @Test
    void holdsOneEntryPerModelFeature() {
        int features = ((Map<?, ?>) OPENNLP.getDataStructures()[1]).size();

        assertThat(COMPILED.size()).isEqualTo(features).isGreaterThan(1000);
    }

    @Test
    void scoresTheSameAfterAWriteAndReadOfTheTable() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        COMPILED.writeTo(new DataOutputStream(bytes));
        HashedWeights read = HashedWeights.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        DefaultModelClassifier before = DefaultModelClassifier.of(COMPILED, 1.3);
        DefaultModelClassifier after = DefaultModelClassifier.of(read, 1.3);
        assertThat(read.size()).isEqualTo(COMPILED.size());
        for (String text : List.of("加V信领福利", "你是不是傻", "请问几点开会？", "哈哈哈", "")) {
            assertThat(after.probabilities(text)).containsExactly(before.probabilities(text));
        }
    }

    @Test
    void stillReadsAModelFileOfTheFirstFormatWithTheOpenNlpModelInside() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(file)) {
            DataOutputStream data = new DataOutputStream(gzip);
            data.writeUTF("qunguan-classifier");
            data.writeInt(1);
            data.writeInt(FeatureExtractor.VERSION);
            data.writeDouble(1.3);
            new GenericModelWriter(OPENNLP, data).persist();
            data.flush();
        }

        ModelClassifier read = ModelClassifier.load(new ByteArrayInputStream(file.toByteArray()));

        DefaultModelClassifier compiled = DefaultModelClassifier.of(COMPILED, 1.3);
        assertThat(read.temperature()).isEqualTo(1.3);
        assertThat(((DefaultModelClassifier) read).probabilities("加V信领福利"))
                .containsExactly(compiled.probabilities("加V信领福利"));
    }

    @Test
    void hashesACharSliceLikeTheStringItSpells() {
        char[] chars = "^加微信$".toCharArray();

        assertThat(FeatureHash.of(chars, 1, 4)).isEqualTo(FeatureHash.of("加微信"));
        assertThat(FeatureHash.of("\u0001", "微信")).isEqualTo(FeatureHash.of("\u0001微信"));
        assertThat(FeatureHash.of("加微")).isNotEqualTo(FeatureHash.of("微加"));
    }

    private static List<LabelledText> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(Path.of("corpus"))) {
            corpus.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        return JsonLines.read(files);
    }

    private static List<Example> corpusExamples() {
        try {
            return MaxentTrainer.examples(corpus());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (LabelledText line : corpus()) {
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
