package dev.qunguan.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qunguan.config.BotConfig;
import dev.qunguan.event.ChatRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FloodSettingsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final ChatRef GROUP = ChatRef.of("onebot", "123456");

    @TempDir
    Path dir;

    private ReloadingScriptBook book() {
        return ScriptBooks.fromDirectory(dir, "zh-CN", new MapScriptOverrideStore(), CLOCK);
    }

    private Path write(String relative, String yaml) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyShippedScriptFloodsAtMoreThanEightMessagesInTenSecondsForFiveMinutes() {
        for (String locale : BotConfig.LOCALES) {
            ModerationSettings moderation = ScriptBooks.fromDirectory(dir.resolve("none"), locale,
                    new MapScriptOverrideStore(), CLOCK).forChat(GROUP).settings().moderation();

            assertThat(moderation.floodMessages()).as(locale).isEqualTo(8);
            assertThat(moderation.floodWindow()).as(locale).isEqualTo(Duration.ofSeconds(10));
            assertThat(moderation.floodMute()).as(locale).isEqualTo(Duration.ofMinutes(5));
            assertThat(moderation.floodControl()).as(locale).isTrue();
        }
    }

    @Test
    void groupFileOverridesOnlyTheFloodSettingsItNames() throws IOException {
        write("onebot/123456.yaml", """
                settings:
                  moderation:
                    flood-window: 30s
                """);

        ModerationSettings moderation = book().forChat(GROUP).settings().moderation();

        assertThat(moderation.floodWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(moderation.floodMessages()).isEqualTo(8);
        assertThat(moderation.floodMute()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void badFloodValuesAreEachReportedWithFileAndLine() throws IOException {
        Path file = write("default.yaml", """
                settings:
                  moderation:
                    flood-messages: lots
                    flood-window: 1h
                    flood-mute: 0s
                    flood-limit: 5
                """);

        ReloadingScriptBook book = book();

        assertThat(book.problems()).extracting(ScriptProblem::line).containsExactly(3, 4, 5, 6);
        assertThat(book.problems()).allSatisfy(problem -> assertThat(problem.file()).isEqualTo(file));
        assertThat(book.problems()).extracting(ScriptProblem::message).satisfiesExactly(
                message -> assertThat(message).contains("flood-messages").contains("0..100"),
                message -> assertThat(message).contains("flood-window").contains("at most 10m"),
                message -> assertThat(message).contains("flood-mute").contains("more than zero"),
                message -> assertThat(message).contains("unknown moderation setting 'flood-limit'"));
        assertThat(book.forChat(GROUP).settings().moderation().floodMessages()).isEqualTo(8);
    }

    @Test
    void settingsRefuseANegativeLimitOrAnEmptyWindow() {
        assertThatThrownBy(() -> new ModerationSettings(true, "normal", 2, Duration.ofMinutes(10), 3,
                Duration.ofDays(30), -1, Duration.ofSeconds(10), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floodMessages");
        assertThatThrownBy(() -> new ModerationSettings(true, "normal", 2, Duration.ofMinutes(10), 3,
                Duration.ofDays(30), 8, Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floodWindow");
    }

    @Test
    void floodTextOffersItsVariables() {
        assertThat(ScriptKeys.variables("moderation.flood")).hasValue(Set.of("member", "count", "seconds",
                "minutes"));
    }
}
