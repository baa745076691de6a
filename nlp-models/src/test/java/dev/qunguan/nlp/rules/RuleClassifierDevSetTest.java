package dev.qunguan.nlp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import dev.qunguan.nlp.EvalData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays the shared labelled dev set (never copied into the repository) through the rule classifier
 * and holds its precision to the floor measured when the rules were written. Skipped, visibly, where
 * the dev set is not present.
 */
final class RuleClassifierDevSetTest {

    private static final String FILE = "messages-dev.jsonl";
    // Measured figures minus a small margin: rule edits that lose precision fail here.
    private static final double MIN_AD_PRECISION = 0.97;
    private static final double MIN_AD_RECALL = 0.42;
    private static final double MIN_ABUSE_PRECISION = 0.93;
    private static final double MAX_FALSE_FLAG_RATE = 0.005;

    private static final RuleClassifier CLASSIFIER = RuleClassifier.create();
    private static List<Row> rows = List.of();
    private static Optional<Path> source = Optional.empty();

    private record Row(String text, Label expected, String source) {}

    @BeforeAll
    static void loadDevSet() throws IOException {
        source = locate();
        if (source.isEmpty()) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        List<Row> loaded = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(source.get(), StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                loaded.add(new Row(
                        node.get("text").asText(),
                        Label.valueOf(node.get("label").asText().toUpperCase(Locale.ROOT)),
                        node.path("source").asText("")));
            }
        }
        rows = List.copyOf(loaded);
    }

    @Test
    void flagsAdsPreciselyAndRarelyFlagsOrdinaryChatOnTheDevSet() {
        assumeTrue(source.isPresent(), "dev set " + FILE + " not found (looked in QUNGUAN_EVAL_DIR, "
                + "../../shared/eval, ../shared/eval, ../../../shared/eval): skipping the precision check");

        Map<Label, Map<Label, Integer>> confusion = new EnumMap<>(Label.class);
        Map<String, int[]> adRecallBySource = new TreeMap<>();
        int ordinary = 0;
        int falseFlags = 0;
        boolean verbose = Boolean.getBoolean("qunguan.eval.verbose");
        for (Row row : rows) {
            Classification verdict = CLASSIFIER.classify(row.text());
            confusion.computeIfAbsent(row.expected(), any -> new EnumMap<>(Label.class))
                    .merge(verdict.label(), 1, Integer::sum);
            if (row.expected() == Label.AD) {
                int[] counts = adRecallBySource.computeIfAbsent(row.source(), any -> new int[2]);
                counts[1]++;
                if (verdict.label() == Label.AD) {
                    counts[0]++;
                }
            }
            if (!row.expected().isViolation()) {
                ordinary++;
                if (verdict.label().isViolation()) {
                    falseFlags++;
                }
            }
            if (verbose && verdict.label() != row.expected()) {
                System.out.printf("MISS %s->%s %.2f %s | %s%n", row.expected(), verdict.label(),
                        verdict.confidence(), verdict.signals(), row.text());
            }
        }

        System.out.printf("dev set: %s (%d lines)%n", source.get(), rows.size());
        Map<Label, double[]> figures = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            int truePositives = cell(confusion, label, label);
            int predicted = 0;
            int actual = 0;
            for (Label other : Label.values()) {
                predicted += cell(confusion, other, label);
                actual += cell(confusion, label, other);
            }
            double precision = predicted == 0 ? 1.0 : (double) truePositives / predicted;
            double recall = actual == 0 ? 0.0 : (double) truePositives / actual;
            figures.put(label, new double[] {precision, recall});
            System.out.printf("%-8s precision %.3f recall %.3f (predicted %d, actual %d)%n",
                    label.wireName(), precision, recall, predicted, actual);
        }
        adRecallBySource.forEach((name, counts) -> System.out.printf(
                "ad recall %.3f (%d/%d) from %s%n", (double) counts[0] / counts[1], counts[0], counts[1], name));
        double falseFlagRate = (double) falseFlags / ordinary;
        System.out.printf("false-flag rate (normal+question labelled ad/abuse): %.4f (%d/%d)%n",
                falseFlagRate, falseFlags, ordinary);

        assertThat(figures.get(Label.AD)[0]).as("ad precision").isGreaterThanOrEqualTo(MIN_AD_PRECISION);
        assertThat(figures.get(Label.AD)[1]).as("ad recall").isGreaterThanOrEqualTo(MIN_AD_RECALL);
        assertThat(figures.get(Label.ABUSE)[0]).as("abuse precision").isGreaterThanOrEqualTo(MIN_ABUSE_PRECISION);
        assertThat(falseFlagRate).as("false-flag rate").isLessThanOrEqualTo(MAX_FALSE_FLAG_RATE);
    }

    private static int cell(Map<Label, Map<Label, Integer>> confusion, Label expected, Label predicted) {
        return confusion.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
    }

    private static Optional<Path> locate() {
        return EvalData.file(FILE);
    }
}
