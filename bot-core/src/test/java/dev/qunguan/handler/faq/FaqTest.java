package dev.qunguan.handler.faq;

import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FaqTest {
    @TempDir
    Path dir;

    private ChatTester tester;

    @BeforeEach
    void start() {
        tester = ChatTester.create(dir);
    }

    @AfterEach
    void stop() {
        tester.close();
    }

    @Test
    void adminAddsAnEntryThatAnswersTheExactQuestion() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点").shouldReplyContaining("几点上课");

        tester.as("小明").says("几点上课？").shouldReplyContaining("每晚八点");
    }

    @Test
    void questionInsideALongerMessageIsAnswered() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");

        tester.as("小明").says("请问今天几点上课啊").shouldReplyContaining("每晚八点");
    }

    @Test
    void longestContainedQuestionWins() {
        tester.asAdmin("群主").says("/faq add 上课 | 看课表");
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");

        tester.as("小明").says("明天几点上课").shouldReplyContaining("每晚八点").shouldNotContain("看课表");
    }

    @Test
    void fullWidthBarSeparatesQuestionAndAnswer() {
        tester.asAdmin("群主").says("/faq add 作业交到哪 ｜ 交到群文件");

        tester.as("小明").says("作业交到哪").shouldReplyContaining("交到群文件");
    }

    @Test
    void listShowsEntriesAndDeleteRemovesOne() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");

        tester.asAdmin("群主").says("/faq list").shouldReplyContaining("几点上课", "每晚八点");
        tester.asAdmin("群主").says("/faq del 1")
                .shouldReplyContaining(tester.script().render("faq.deleted", Map.of("id", "1")));
        tester.asAdmin("群主").says("/faq list").shouldReplyContaining(tester.script().render("faq.list.empty"));
        tester.as("小明").says("几点上课").shouldSayNothing();
    }

    @Test
    void deletingAMissingEntrySaysSo() {
        tester.asAdmin("群主").says("/faq del 42")
                .shouldReplyContaining(tester.script().render("faq.not-found", Map.of("id", "42")));
    }

    @Test
    void addWithoutAnAnswerShowsUsage() {
        tester.asAdmin("群主").says("/faq add 几点上课").shouldReplyContaining(tester.script().render("faq.usage"));
    }

    @Test
    void memberMayNotAddEntries() {
        tester.as("小明").says("/faq add 几点上课 | 不上课了")
                .shouldReplyContaining(tester.script().render("admin.not-allowed", Map.of("member", "小明")));

        tester.as("小红").says("几点上课").shouldSayNothing();
    }

    @Test
    void anotherPhrasingAnswersTheSameEntry() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");
        tester.asAdmin("群主").says("/faq alias 1 什么时候开课");

        tester.as("小明").says("什么时候开课").shouldReplyContaining("每晚八点");
    }

    @Test
    void entriesSurviveARestart() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");

        tester.restart();

        tester.as("小明").says("几点上课").shouldReplyContaining("每晚八点");
    }
}
