package dev.qunguan.nlp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.nlp.EvalData;
import dev.qunguan.nlp.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A gate may only skip a pattern that cannot match: over the repository's corpus (and the dev set
 * where present) every text a cue's pattern matches must open that cue's gate.
 */
final class CueGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void opensForEveryTextItsPatternMatches() throws IOException {
        List<String> texts = normalizedTexts();
        List<String> hidden = new ArrayList<>();
        int matched = 0;
        for (Cue cue : CueBook.standard().patterns()) {
            for (String text : texts) {
                if (cue.pattern().matcher(text).find()) {
                    matched++;
                    if (!cue.gate().test(TextProfile.of(text))) {
                        hidden.add(cue.signal() + ": " + text);
                    }
                }
            }
        }
        // the corpus alone gives about 700 matches; with the dev set beside the repository, several thousand
        int floor = EvalData.file("messages-dev.jsonl").isPresent() ? 1000 : 500;
        assertThat(matched).as("pattern matches checked").isGreaterThan(floor);
        assertThat(hidden).as("matches a gate would hide").isEmpty();
    }

    @Test
    void keepsEveryPatternShutForPlainChineseChat() {
        TextProfile chat = TextProfile.of(TextNormalizer.standard().normalize("今天下班路上堵了一个小时，到家都八点了"));

        assertThat(CueBook.standard().patterns()).noneMatch(cue -> cue.gate().test(chat));
    }

    @Test
    void profilesDigitRunsAndLetters() {
        TextProfile profile = TextProfile.of("abc 12345 678x9xx 1");

        assertThat(profile.digits()).isEqualTo(10);
        assertThat(profile.longestDigitRun()).isEqualTo(5);
        assertThat(profile.longestDigitOrXRun()).isEqualTo(7);
        assertThat(profile.hasX()).isTrue();
        assertThat(profile.hasAsciiLetter()).isTrue();
        assertThat(profile.hasAnyOf("z9")).isTrue();
        assertThat(profile.hasAnyOf("qy")).isFalse();
    }

    private static List<String> normalizedTexts() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(Path.of("corpus"))) {
            corpus.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        EvalData.file("messages-dev.jsonl").ifPresent(files::add);
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    texts.add(TextNormalizer.standard().normalize(JSON.readTree(line).path("text").asText()));
                }
            }
        }
        return texts;
    }
}
