package dev.qunguan.nlp.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ClassifierToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void classifyWritesOneJsonLinePerInputInOrderWithAnErrorLineForMalformedInput() throws Exception {
        String input = """
                {"text": "兼职刷单日结，加微信 abc12345", "label": "ignored"}
                not json at all
                {"message": "no text field"}
                {"text": "好的"}
                """;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ClassifierTools.classify(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        JsonNode ad = JSON.readTree(lines.get(0));
        assertThat(ad.get("label").asText()).isEqualTo("ad");
        assertThat(ad.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(ad.get("scores").fieldNames()).toIterable().containsExactlyInAnyOrder("ad", "abuse", "question", "normal");
        assertThat(JSON.readTree(lines.get(1)).has("error")).isTrue();
        assertThat(JSON.readTree(lines.get(2)).has("error")).isTrue();
        assertThat(JSON.readTree(lines.get(3)).get("label").asText()).isEqualTo("normal");
    }

    @Test
    void evalPrintsPerLabelFiguresConfusionMatrixFalseFlagsAndSourceRecall(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.jsonl");
        Files.writeString(data, """
                {"text": "兼职日结，加微信 abc12345 详聊", "label": "ad", "source": "made-up"}
                {"text": "你就是个傻逼", "label": "abuse", "source": "made-up"}
                {"text": "明天几点开会啊？", "label": "question", "source": "other"}
                {"text": "收到，谢谢", "label": "normal"}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        EvaluationReport report = ClassifierTools.eval(List.of(data), 0, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("-- per label", "macro-F1", "false-flag rate", "-- confusion matrix",
                "-- recall per source", "made-up", "-- operating points");
        assertThat(report.total()).isEqualTo(4);
    }

    @Test
    void trainWritesAModelThatClassifyCanLoad(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            lines.append("{\"text\": \"兼职日结加微信 job").append(i).append("\", \"label\": \"ad\"}\n");
            lines.append("{\"text\": \"今天天气不错").append(i).append("\", \"label\": \"normal\"}\n");
        }
        Files.writeString(data, lines);
        Path model = dir.resolve("out/model.bin.gz");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        ClassifierTools.train(List.of(data), model, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(model).isRegularFile();
        assertThat(ModelClassifier.load(model).classify("兼职日结加微信 job99").score(dev.qunguan.classify.Label.AD))
                .isGreaterThan(0.5);
    }
}
