package dev.qunguan.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.qunguan.event.ChatRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReloadingScriptBookTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final ChatRef GROUP = ChatRef.of("onebot", "123456");
    private static final ChatRef OTHER = ChatRef.of("onebot", "654321");
    private static final Map<String, String> NEWCOMER = Map.of("member", "小王");

    @TempDir
    Path dir;

    private final MapScriptOverrideStore overrides = new MapScriptOverrideStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Each write gets a later modification time, so edits are seen even on coarse-grained file systems. */
    private long writes;

    private ReloadingScriptBook book() {
        return ScriptBooks.fromDirectory(dir, "zh-CN", overrides, clock);
    }

    private Path write(String relative, String yaml) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(++writes)));
        return file;
    }

    private Path groupFile() {
        return dir.resolve("onebot/123456.yaml");
    }

    @Test
    void withoutFilesEveryChatGetsTheConfiguredLocaleDefault() {
        ReloadingScriptBook book = ScriptBooks.fromDirectory(dir.resolve("missing"), "en", overrides, clock);

        assertThat(book.forChat(GROUP).settings().locale()).isEqualTo("en");
        assertThat(book.problems()).isEmpty();
        assertThat(book.reloadIfChanged()).isFalse();
    }

    @Test
    void groupFileOverridesOneTextAndOneSettingAndKeepsTheRest() throws IOException {
        write("onebot/123456.yaml", """
                settings:
                  welcome-style: 活泼
                  moderation:
                    mute-duration: 1h
                texts:
                  welcome.活泼: 🌟 {member} 来啦！
                """);

        ReloadingScriptBook book = book();
        ChatScript script = book.forChat(GROUP);

        assertThat(script.settings().welcomeStyle()).isEqualTo("活泼");
        assertThat(script.settings().moderation().muteDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(script.settings().moderation().muteAtWarnings()).isEqualTo(2);
        assertThat(script.render("welcome.活泼", NEWCOMER)).isEqualTo("🌟 小王 来啦！");
        assertThat(script.render("welcome.简洁", NEWCOMER)).startsWith("欢迎 小王");
        assertThat(book.forChat(OTHER).settings().welcomeStyle()).isEqualTo("简洁");
        assertThat(book.problems()).isEmpty();
    }

    @Test
    void defaultFileAppliesToEveryGroupBelowTheGroupFile() throws IOException {
        write("default.yaml", """
                settings:
                  group-name: 读书会
                rules: 只聊读书。
                texts:
                  checkin.ok: "{member} 打卡 #{order}"
                """);
        write("onebot/123456.yaml", """
                settings:
                  group-name: 晨读群
                """);

        ReloadingScriptBook book = book();

        assertThat(book.forChat(OTHER).settings().groupName()).isEqualTo("读书会");
        assertThat(book.forChat(ChatRef.of("telegram", "-100")).rules()).isEqualTo("只聊读书。");
        assertThat(book.forChat(GROUP).settings().groupName()).isEqualTo("晨读群");
        assertThat(book.forChat(GROUP).render("checkin.ok", Map.of("member", "小王", "order", "2")))
                .isEqualTo("小王 打卡 #2");
        assertThat(book.forChat(GROUP).render("rules.post", Map.of())).contains("晨读群").contains("只聊读书。");
    }

    @Test
    void groupLocalePicksThatLocalesDefaults() throws IOException {
        write("default.yaml", "settings:\n  locale: zh-TW\n");
        write("onebot/123456.yaml", "settings:\n  locale: en\n");

        ReloadingScriptBook book = book();

        assertThat(book.forChat(GROUP).render("moderation.reason.ad")).isEqualTo("advertising");
        assertThat(book.forChat(OTHER).render("moderation.reason.ad")).isEqualTo("廣告");
    }

    @Test
    void chatOverridesBeatScriptFiles() throws IOException {
        write("onebot/123456.yaml", """
                texts:
                  faq.deleted: 文件里的说法 #{id}
                """);
        overrides.put(GROUP, "faq.deleted", "群里改的说法 {id}");

        ChatScript script = book().forChat(GROUP);

        assertThat(script.render("faq.deleted", Map.of("id", "7"))).isEqualTo("群里改的说法 7");
        assertThat(script.template("faq.deleted")).isEqualTo("群里改的说法 {id}");
    }

    @Test
    void overrideChangeIsSeenAfterInvalidateAndNotBefore() {
        ReloadingScriptBook book = book();
        assertThat(book.forChat(GROUP).render("faq.list.empty")).startsWith("还没有问答");
        int readsBefore = overrides.reads();

        overrides.put(GROUP, "faq.list.empty", "空空如也");
        assertThat(book.forChat(GROUP).render("faq.list.empty")).startsWith("还没有问答");
        assertThat(overrides.reads()).isEqualTo(readsBefore);

        book.invalidate(GROUP);
        assertThat(book.forChat(GROUP).render("faq.list.empty")).isEqualTo("空空如也");
        assertThat(book.forChat(OTHER).render("faq.list.empty")).startsWith("还没有问答");
    }

    @Test
    void storedOverrideWithAVariableTheKeyLacksIsIgnored() {
        overrides.put(GROUP, "faq.deleted", "删了 {password}");

        assertThat(book().forChat(GROUP).render("faq.deleted", Map.of("id", "3"))).isEqualTo("已删除问答 #3。");
    }

    @Test
    void brokenEditIsReportedWithFileAndLineAndLastGoodVersionStaysActive() throws IOException {
        Path file = write("onebot/123456.yaml", """
                texts:
                  faq.deleted: 好的版本 {id}
                """);
        ReloadingScriptBook book = book();
        assertThat(book.forChat(GROUP).render("faq.deleted", Map.of("id", "1"))).isEqualTo("好的版本 1");

        write("onebot/123456.yaml", """
                texts:
                  faq.deleted: 坏的版本 {id}
                  faq.added: "已添加 {id
                """);

        assertThat(book.reloadIfChanged()).isTrue();
        assertThat(book.forChat(GROUP).render("faq.deleted", Map.of("id", "1"))).isEqualTo("好的版本 1");
        assertThat(book.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.line()).isBetween(3, 4);
            assertThat(problem.message()).contains("line 3");
            assertThat(problem.detectedAt()).isEqualTo(NOW);
            assertThat(problem.toString()).startsWith(file + ":" + problem.line() + ":");
        });
        assertThat(book.reloadIfChanged()).isFalse();
    }

    @Test
    void unclosedPlaceholderIsReportedOnItsLine() throws IOException {
        Path file = write("default.yaml", """
                texts:
                  faq.deleted: 删除了 #{id}
                  faq.added: 添加了 {id
                """);

        List<ScriptProblem> problems = book().problems();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("faq.added").contains("unclosed {");
        });
    }

    @Test
    void laterFixedEditIsPickedUp() throws IOException {
        write("onebot/123456.yaml", "texts:\n  faq.deleted: [这不是文本\n");
        ReloadingScriptBook book = book();
        assertThat(book.problems()).hasSize(1);
        assertThat(book.forChat(GROUP).render("faq.deleted", Map.of("id", "1"))).isEqualTo("已删除问答 #1。");

        write("onebot/123456.yaml", "texts:\n  faq.deleted: 修好了 {id}\n");

        assertThat(book.reloadIfChanged()).isTrue();
        assertThat(book.problems()).isEmpty();
        assertThat(book.forChat(GROUP).render("faq.deleted", Map.of("id", "1"))).isEqualTo("修好了 1");
    }

    @Test
    void unknownTextKeyErrorNamesTheKeyAndLine() throws IOException {
        write("onebot/123456.yaml", """
                # 群 123456
                texts:
                  intro: 你好
                  welcome: 欢迎 {member}
                """);

        ReloadingScriptBook book = book();

        assertThat(book.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).contains("unknown text key 'welcome'").contains("welcome.简洁");
        });
        assertThat(book.forChat(GROUP).render("intro")).isNotEqualTo("你好");
    }

    @Test
    void unknownSettingAndTopLevelFieldAreNamedWithTheirLines() throws IOException {
        write("default.yaml", """
                settings:
                  welcome-styel: 活泼
                text:
                  intro: 你好
                """);

        assertThat(book().problems()).extracting(ScriptProblem::line, ScriptProblem::message)
                .containsExactly(
                        tuple(2, "unknown setting 'welcome-styel' (expected one of "
                                + ScriptFileReader.SETTINGS + ")"),
                        tuple(3, "unknown top-level field 'text' (expected one of "
                                + ScriptFileReader.TOP_LEVEL + ")"));
    }

    @Test
    void badValuesAreEachReported() throws IOException {
        write("default.yaml", """
                settings:
                  locale: fr
                  time-zone: Mars/Olympus
                  welcome-merge-window: soon
                  leaderboard-size: 0
                  moderation:
                    sensitivity: paranoid
                texts:
                  checkin.ok: "{member} {secret}"
                """);

        assertThat(book().problems()).extracting(ScriptProblem::line).containsExactly(2, 3, 4, 5, 7, 9);
    }

    @Test
    void contradictoryModerationLadderIsRejected() throws IOException {
        write("default.yaml", """
                settings:
                  moderation:
                    mute-at-warnings: 3
                    remove-at-warnings: 3
                """);
        write("onebot/123456.yaml", """
                settings:
                  moderation:
                    mute-at-warnings: 4
                """);

        ReloadingScriptBook book = book();

        assertThat(book.problems()).extracting(p -> p.file().getFileName().toString(), ScriptProblem::line)
                .containsExactly(
                        tuple("default.yaml", 4),
                        tuple("123456.yaml", 1));
        assertThat(book.forChat(GROUP).settings().moderation().muteAtWarnings()).isEqualTo(2);
    }

    @Test
    void deletingAGroupFileFallsBackToTheDefaults() throws IOException {
        write("onebot/123456.yaml", "settings:\n  group-name: 晨读群\n");
        ReloadingScriptBook book = book();
        assertThat(book.forChat(GROUP).settings().groupName()).isEqualTo("晨读群");

        Files.delete(groupFile());

        assertThat(book.reloadIfChanged()).isTrue();
        assertThat(book.forChat(GROUP).settings().groupName()).isEqualTo("本群");
    }

    @Test
    void groupFileFaqReplacesTheDefaultFaq() throws IOException {
        write("onebot/123456.yaml", """
                faq:
                  - question: 几点开始读书？
                    phrasings: [读书几点, 什么时候读书]
                    answer: 每晚八点。
                """);

        List<ScriptFaq> faq = book().forChat(GROUP).faq();

        assertThat(faq).containsExactly(new ScriptFaq("几点开始读书？", List.of("读书几点", "什么时候读书"), "每晚八点。"));
    }

    @Test
    void resolvesWelcomeToTheChatsStyle() throws IOException {
        write("onebot/123456.yaml", "settings:\n  welcome-style: lively\n");
        ReloadingScriptBook book = book();

        assertThat(book.resolveKey(GROUP, "welcome")).contains("welcome.活泼");
        assertThat(book.resolveKey(GROUP, "welcome-many")).contains("welcome-many.活泼");
        assertThat(book.resolveKey(OTHER, "welcome")).contains("welcome.简洁");
        assertThat(book.resolveKey(OTHER, "checkin.ok")).contains("checkin.ok");
        assertThat(book.resolveKey(OTHER, "checkin")).isEmpty();
    }

    @Test
    void validateExplainsWhatIsWrong() {
        ReloadingScriptBook book = book();

        assertThat(book.validate("checkin.ok", "{member} 第{order}位")).isEmpty();
        assertThat(book.validate("checkin.ok", "{member} {rank}")).get().asString().contains("{rank}");
        assertThat(book.validate("checkin.ok", "{member")).get().asString().contains("unclosed");
        assertThat(book.validate("no.such", "x")).get().asString().contains("no.such");
    }

    @Test
    void nonUtf8FileIsReported() throws IOException {
        Path file = dir.resolve("default.yaml");
        Files.write(file, "rules: 群规".getBytes("GBK"));

        assertThat(book().problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("UTF-8"));
    }

    @Test
    void watchingReloadsOnTheExecutorUntilCancelled() throws Exception {
        ReloadingScriptBook book = book();
        write("onebot/123456.yaml", "settings:\n  group-name: 晨读群\n");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> watching = book.startWatching(executor, Duration.ofMillis(10));
            // One thread runs delayed tasks in trigger order: once this later task ran, the first check has too.
            executor.schedule(() -> null, 30, TimeUnit.MILLISECONDS).get();
            watching.cancel(false);
            assertThat(watching.isCancelled()).isTrue();
        } finally {
            executor.shutdownNow();
        }
        assertThat(book.forChat(GROUP).settings().groupName()).isEqualTo("晨读群");
    }

    @Test
    void rejectsAnUnknownDefaultLocale() {
        assertThatThrownBy(() -> ScriptBooks.fromDirectory(dir, "fr", overrides, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr");
    }
}
