package dev.qunguan.nlp.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FaqToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path knowledgeBase() throws IOException {
        Path kb = dir.resolve("kb.jsonl");
        Files.writeString(kb, String.join("\n",
                "{\"faq_id\": \"signup\", \"question\": \"如何参加活动\", \"answer\": \"在群公告里填表\"}",
                "{\"faq_id\": \"fee\", \"question\": \"会费是多少钱\", \"answer\": \"\"}",
                "",
                "{\"faq_id\": \"password\", \"question\": \"忘记密码了怎么办\", \"answer\": \"\"}") + "\n",
                StandardCharsets.UTF_8);
        return kb;
    }

    private static List<JsonNode> run(Path kb, String input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FaqTools.match(kb, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void writesOneResultLinePerQueryInInputOrder() throws IOException {
        List<JsonNode> lines = run(knowledgeBase(), String.join("\n",
                "{\"query\": \"密码忘记了怎么办？\"}",
                "{\"query\": \"今天天气怎么样\"}",
                "{\"query\": \"会费多少钱\"}") + "\n");

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("faq_id").asText()).isEqualTo("password");
        assertThat(lines.get(1).get("faq_id").isNull()).isTrue();
        assertThat(lines.get(2).get("faq_id").asText()).isEqualTo("fee");
    }

    @Test
    void eachLineHasExactlyAnIdOrNullAndAScoreBetweenZeroAndOne() throws IOException {
        List<JsonNode> lines = run(knowledgeBase(), "{\"query\": \"会费多少钱\"}\n{\"query\": \"股票怎么买\"}\n");

        for (JsonNode line : lines) {
            assertThat(line.size()).isEqualTo(2);
            assertThat(line.has("faq_id")).isTrue();
            assertThat(line.get("faq_id").isTextual() || line.get("faq_id").isNull()).isTrue();
            assertThat(line.get("score").isNumber()).isTrue();
            assertThat(line.get("score").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aLineWithoutAQueryStillGetsItsNullLine() throws IOException {
        List<JsonNode> lines = run(knowledgeBase(), "{\"text\": \"会费多少钱\"}\n{\"query\": \"会费多少钱\"}\n");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("faq_id").isNull()).isTrue();
        assertThat(lines.get(0).get("score").asDouble()).isZero();
        assertThat(lines.get(1).get("faq_id").asText()).isEqualTo("fee");
    }

    @Test
    void linesRepeatingAnIdBecomePhrasingsOfOneEntry() throws IOException {
        Path kb = dir.resolve("phrasings.jsonl");
        Files.writeString(kb, String.join("\n",
                "{\"faq_id\": \"invoice\", \"question\": \"怎么开发票\", \"answer\": \"\"}",
                "{\"faq_id\": \"fee\", \"question\": \"会费是多少钱\", \"answer\": \"\"}",
                "{\"faq_id\": \"invoice\", \"question\": \"报销凭证找谁要\", \"answer\": \"\"}") + "\n",
                StandardCharsets.UTF_8);

        List<FaqDocument> documents = FaqTools.readKnowledgeBase(kb);

        assertThat(documents).containsExactly(
                FaqDocument.of("invoice", "怎么开发票", "报销凭证找谁要"), FaqDocument.of("fee", "会费是多少钱"));
    }

    @Test
    void aKnowledgeBaseLineWithoutAQuestionIsRejectedWithItsLineNumber() throws IOException {
        Path kb = dir.resolve("broken.jsonl");
        Files.writeString(kb, "{\"faq_id\": \"a\", \"question\": \"怎么开发票\"}\n{\"faq_id\": \"b\"}\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FaqTools.readKnowledgeBase(kb))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void evalPrintsEveryFigureTheIssueAsksFor() throws IOException {
        Path queries = dir.resolve("queries.jsonl");
        Files.writeString(queries, String.join("\n",
                "{\"query\": \"会费多少钱\", \"faq_id\": \"fee\", \"source\": \"hand\"}",
                "{\"query\": \"密码忘记了怎么办\", \"faq_id\": \"password\", \"source\": \"hand\"}",
                "{\"query\": \"今天天气怎么样\", \"faq_id\": null, \"source\": \"hand\"}") + "\n",
                StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        FaqTools.eval(knowledgeBase(), queries, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains("hit@1 before abstention (ranking: top entry right): 1.0000 (2/2 answerable)")
                .contains("hit@1 after abstention (answered-correct: faq_id right): 1.0000")
                .contains("answer precision: 1.0000")
                .contains("abstain recall (faq_id null): 1.0000 (1/1)")
                .contains("coverage")
                .contains("source hand");
    }
}
