package dev.qunguan.handler.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.testing.ChatTester;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FloodTest {
    private static final Duration FLOOD_MUTE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    /** Sends {@code count} messages, {@code apart} after each other, and returns what the bot did to each. */
    private static List<ChatTester.Said> burst(ChatTester tester, ChatTester.Speaker speaker, int count,
            Duration apart) {
        List<ChatTester.Said> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(speaker.says("第" + i + "条"));
            tester.advance(apart);
        }
        return answers;
    }

    @Test
    void eightMessagesInTenSecondsPassAndTheNinthMutesWithTheFloodText() {
        try (ChatTester tester = ChatTester.create(dir)) {
            List<ChatTester.Said> answers = burst(tester, tester.as("小明"), 8, Duration.ofSeconds(1));
            answers.forEach(ChatTester.Said::shouldNotMute);

            ChatTester.Said ninth = tester.as("小明").says("第九条");

            ninth.shouldMute(FLOOD_MUTE).shouldMention("小明").shouldSendMessages(1)
                    .shouldReplyContaining("刷屏", "10秒", "9条", "5分钟");
        }
    }

    @Test
    void furtherMessagesInTheSameWindowDoNotMuteAgain() {
        try (ChatTester tester = ChatTester.create(dir)) {
            burst(tester, tester.as("小明"), 9, Duration.ofMillis(500));

            List<ChatTester.Said> after = burst(tester, tester.as("小明"), 5, Duration.ofSeconds(1));

            after.forEach(said -> said.shouldNotMute().shouldNotContain("刷屏"));
        }
    }

    @Test
    void messagesSpreadOverTimeNeverTrigger() {
        try (ChatTester tester = ChatTester.create(dir)) {
            List<ChatTester.Said> answers = burst(tester, tester.as("小明"), 40, Duration.ofSeconds(2));

            answers.forEach(said -> said.shouldNotMute().shouldNotContain("刷屏"));
        }
    }

    @Test
    void eachMemberIsCountedSeparately() {
        try (ChatTester tester = ChatTester.create(dir)) {
            for (int i = 0; i < 6; i++) {
                tester.as("小明").says("早").shouldNotMute();
                tester.as("小红").says("早").shouldNotMute();
            }
        }
    }

    @Test
    void adminsAreNeverMuted() {
        try (ChatTester tester = ChatTester.create(dir)) {
            List<ChatTester.Said> answers = burst(tester, tester.asAdmin("管理员"), 30, Duration.ofMillis(100));

            answers.forEach(said -> said.shouldNotMute().shouldNotContain("刷屏"));
        }
    }

    @Test
    void theMessageThatTriggersTheMuteGoesNoFurther() {
        try (ChatTester tester = ChatTester.create(dir)) {
            burst(tester, tester.as("小明"), 8, Duration.ofMillis(100));

            tester.as("小明").says("签到").shouldMute(FLOOD_MUTE).shouldNotContain("签到成功");
        }
    }

    @Test
    void aNewBurstAfterTheWindowMutesAgain() {
        try (ChatTester tester = ChatTester.create(dir)) {
            burst(tester, tester.as("小明"), 9, Duration.ofMillis(100));
            tester.advance(FLOOD_MUTE);

            List<ChatTester.Said> again = burst(tester, tester.as("小明"), 9, Duration.ofMillis(100));

            again.get(8).shouldMute(FLOOD_MUTE).shouldMention("小明");
        }
    }

    @Test
    void groupScriptWithZeroFloodMessagesTurnsItOff() throws IOException {
        Path scripts = dir.resolve("reply-scripts");
        Path group = scripts.resolve("test/10000.yaml");
        Files.createDirectories(group.getParent());
        Files.writeString(group, """
                settings:
                  moderation:
                    flood-messages: 0
                """, StandardCharsets.UTF_8);
        try (ChatTester tester = ChatTester.builder(dir).scripts(scripts).build()) {
            assertThat(tester.script().settings().moderation().floodControl()).isFalse();

            List<ChatTester.Said> answers = burst(tester, tester.as("小明"), 30, Duration.ofMillis(100));

            answers.forEach(said -> said.shouldNotMute().shouldNotContain("刷屏"));
        }
    }

    @Test
    void groupScriptSetsItsOwnLimitWindowAndMute() throws IOException {
        Path scripts = dir.resolve("reply-scripts");
        Path group = scripts.resolve("test/10000.yaml");
        Files.createDirectories(group.getParent());
        Files.writeString(group, """
                settings:
                  moderation:
                    flood-messages: 3
                    flood-window: 1m
                    flood-mute: 1h
                """, StandardCharsets.UTF_8);
        try (ChatTester tester = ChatTester.builder(dir).scripts(scripts).build()) {
            burst(tester, tester.as("小明"), 3, Duration.ofSeconds(15)).forEach(ChatTester.Said::shouldNotMute);

            tester.as("小明").says("第四条").shouldMute(Duration.ofHours(1)).shouldReplyContaining("60秒", "4条", "60分钟");
        }
    }

    @Test
    void englishScriptNamesTheFlood() {
        try (ChatTester tester = ChatTester.builder(dir).locale("en").build()) {
            burst(tester, tester.as("Ming"), 8, Duration.ofMillis(100));

            tester.as("Ming").says("spam").shouldMute(FLOOD_MUTE).shouldMention("Ming")
                    .shouldReplyContaining("9 messages in 10 seconds", "5 minutes");
        }
    }
}
