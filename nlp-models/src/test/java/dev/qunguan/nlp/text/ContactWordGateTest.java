package dev.qunguan.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.nlp.EvalData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The nickname regex is skipped for text without a trigger character; that is only safe if every text
 * the regex matches has one. Checked over the corpus, the dev set where present, and written variants.
 */
final class ContactWordGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void letsThroughEveryTextTheNicknamePatternMatches() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "加v信", "薇信", "威❤", "vx号", "wx:abc", "weixin", "扣扣", "企鹅号", "q群", "加q", "tg@abc", "teiegram", "电报群",
                "纸飞机", "飞机号", "+v abcdef1"));
        texts.addAll(foldedLines());
        List<String> hidden = new ArrayList<>();
        int matched = 0;
        for (String text : texts) {
            if (ContactWordCanonicalizer.NICKNAMES.matcher(text).find()) {
                matched++;
                if (!ContactWordCanonicalizer.mayContainNickname(text)) {
                    hidden.add(text);
                }
            }
        }
        assertThat(matched).as("texts with a nickname").isGreaterThan(100);
        assertThat(hidden).as("nicknames the gate would skip").isEmpty();
    }

    /** Lines as the canonicaliser sees them: folded, simplified, squeezed and joined. */
    private static List<String> foldedLines() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(Path.of("corpus"))) {
            corpus.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        EvalData.file("messages-dev.jsonl").ifPresent(files::add);
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    String text = JSON.readTree(line).path("text").asText();
                    StringBuilder folded = new StringBuilder(text.length());
                    CharacterFolder.fold(text, folded);
                    lines.add(ObfuscationJoiner.join(RepeatSqueezer.squeeze(
                            ChineseNumeralFolder.fold(SimplifiedChinese.convert(folded.toString())))));
                }
            }
        }
        return lines;
    }
}
