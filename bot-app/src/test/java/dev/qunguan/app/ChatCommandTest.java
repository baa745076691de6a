package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal simulator runs typed lines through the real handler chain, scripts and store. */
final class ChatCommandTest {
    @TempDir
    Path dir;

    @Test
    void typedLinesGetTheBotsRepliesAndActions() throws Exception {
        Path config = config("chat.db");
        String typed = String.join("\n",
                "签到",
                "签到",
                "/join 小红",
                "/as admin",
                "/faq add 怎么报名 | 看群公告",
                "/as 小刚",
                "怎么报名",
                "加微信 abc12345 领取免费福利，兼职日结300元",
                "/quit") + "\n";

        String screen = runChat(typed, "chat", "--config", config.toString());

        assertThat(screen).contains("第1位").contains("已签到").contains("@小红")
                .contains("看群公告").contains("[deleted message #").contains("@小刚");
    }

    @Test
    void paraphrasedQuestionIsAnsweredUnrelatedOneQueuedAndLearningAnswersTheNextParaphrase() throws Exception {
        Path config = config("faq.db");
        String typed = String.join("\n",
                "/as admin",
                "/faq add 如何参加活动 | 在群公告里填报名表即可",  // message #1
                "/as 小红",
                "活动怎么参加呀？",                                // #2: a paraphrase, answered
                "/as 小刚",
                "周末的聚餐改到几点了？",                          // #3: no entry fits: quiet, queued
                "/as admin",
                "/unanswered",                                     // #4
                "/reply 3 /faq learn 聚餐改到晚上七点",            // #5
                "/as 小美",
                "聚餐改到几点了？",                                // #6: now answered
                "/quit") + "\n";

        String screen = runChat(typed, "chat", "--config", config.toString());

        String[] turns = screen.split("\\[\\S+ #");
        assertThat(turnAfter(turns, "2] > ")).contains("在群公告里填报名表即可");
        assertThat(turnAfter(turns, "3] > ")).doesNotContain("🤖");
        assertThat(turnAfter(turns, "4] > ")).contains("周末的聚餐改到几点了");
        assertThat(turnAfter(turns, "6] > ")).contains("聚餐改到晚上七点");
    }

    /** What the bot printed after the prompt of message number {@code prompt} (the last such turn). */
    private static String turnAfter(String[] turns, String prompt) {
        String found = "";
        for (String turn : turns) {
            if (turn.startsWith(prompt)) {
                found = turn;
            }
        }
        return found;
    }

    @Test
    void exportPrintsTheStoredCheckInsAsJsonLines() throws Exception {
        Path config = config("chat.db");
        runChat("签到\n/as 小红\n签到\n/quit\n", "chat", "--config", config.toString(), "--group", "734001");

        String exported = runChat("", "export", "--config", config.toString(), "--group", "734001");

        assertThat(exported.lines().filter(line -> line.contains("\"type\":\"checkin\"")))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("\"platform\":\"console\"")
                        .contains("\"group_id\":\"734001\"").containsPattern("\"day\":\"\\d{4}-\\d{2}-\\d{2}\""));
        assertThat(runChat("", "export", "--config", config.toString(), "--group", "other")).isBlank();
    }

    /** A config with its own SQLite file and scripts directory under the test's directory. */
    private Path config(String database) throws java.io.IOException {
        Path config = dir.resolve("qunguan.yaml");
        Files.writeString(config, """
                storage:
                  url: jdbc:sqlite:%s
                bot:
                  scripts-dir: %s
                """.formatted(dir.resolve(database), dir.resolve("scripts")));
        return config;
    }

    private static String runChat(String typed, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(screen, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            assertThat(exit).isZero();
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return screen.toString(StandardCharsets.UTF_8);
    }
}
