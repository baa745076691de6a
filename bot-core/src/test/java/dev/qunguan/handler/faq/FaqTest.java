package dev.qunguan.handler.faq;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.Label;
import dev.qunguan.faq.FaqDocument;
import dev.qunguan.faq.FaqHit;
import dev.qunguan.faq.FaqMatcherFactory;
import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FaqTest {
    /** Stands in for the real classifier: a question ends with a question mark or 吗, or starts with 请问. */
    static final Classifier QUESTIONS_BY_MARKS = text -> {
        String t = text.strip();
        boolean question = t.endsWith("？") || t.endsWith("?") || t.endsWith("吗") || t.startsWith("请问");
        return Classification.certain(question ? Label.QUESTION : Label.NORMAL, List.of());
    };

    @TempDir
    Path dir;

    private ChatTester tester;

    @BeforeEach
    void start() {
        tester = ChatTester.builder(dir).classifier(QUESTIONS_BY_MARKS).build();
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

        tester.as("小明").says("明天几点上课？").shouldReplyContaining("每晚八点").shouldNotContain("看课表");
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

    @Test
    void sameQuestionWithinTheCooldownGetsAPointerAndAfterItTheAnswerAgain() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");
        tester.as("小明").says("几点上课？").shouldReplyContaining("每晚八点");

        tester.clock().advance(Duration.ofMinutes(2));
        tester.as("小红").says("请问几点上课？")
                .shouldReplyContaining(tester.script().render("faq.recently-answered",
                        Map.of("question", "几点上课", "minutes", "2")))
                .shouldNotContain("每晚八点");

        tester.clock().advance(Duration.ofMinutes(4));
        tester.as("小刚").says("几点上课？").shouldReplyContaining("每晚八点");
    }

    @Test
    void cooldownOfOneEntryDoesNotHoldBackAnother() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");
        tester.asAdmin("群主").says("/faq add 作业交到哪 | 交到群文件");
        tester.as("小明").says("几点上课？");

        tester.as("小红").says("作业交到哪？").shouldReplyContaining("交到群文件");
    }

    @Test
    void nonQuestionContainingAnEntryIsNotAnswered() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");

        tester.as("小明").says("我总是忘了几点上课").shouldSayNothing();
    }

    @Test
    void messageToTheBotIsAnsweredEvenWithoutAQuestionMark() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");

        tester.as("小明").saysToBot("我总是忘了几点上课").shouldReplyContaining("每晚八点");
    }

    @Test
    void unrelatedQuestionGetsNoAnswerAndIsQueuedForAdmins() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");

        tester.as("小明").says("停车场在哪里？").shouldSayNothing();

        tester.asAdmin("群主").says("/unanswered").shouldReplyContaining("[1] 停车场在哪里？", "小明");
    }

    @Test
    void chatThatIsNotAQuestionIsNotQueued() {
        tester.as("小明").says("今天下雨了").shouldSayNothing();

        tester.asAdmin("群主").says("/unanswered")
                .shouldReplyContaining(tester.script().render("faq.unanswered.empty"));
    }

    @Test
    void membersMayNotSeeTheUnansweredQuestions() {
        tester.as("小明").says("/unanswered")
                .shouldReplyContaining(tester.script().render("admin.not-allowed", Map.of("member", "小明")));
    }

    @Test
    void learningByReplyMakesTheSameQuestionAnsweredAndTakesItOffTheQueue() {
        ChatTester.Said asked = tester.as("小明").says("停车场在哪里？");

        tester.asAdmin("群主").replies(asked, "/faq learn 在地下二层，凭票免费")
                .shouldReplyContaining(tester.script().render("faq.learned",
                        Map.of("id", "1", "question", "停车场在哪里？")));

        tester.as("小红").says("停车场在哪里？").shouldReplyContaining("在地下二层");
        tester.clock().advance(Duration.ofMinutes(10));
        tester.as("小刚").says("请问停车场在哪里呀").shouldReplyContaining("在地下二层");
        tester.asAdmin("群主").says("/unanswered")
                .shouldReplyContaining(tester.script().render("faq.unanswered.empty"));
    }

    @Test
    void learningByReplyAsAPhrasingAddsItToTheEntry() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");
        ChatTester.Said asked = tester.as("小明").says("课程什么时候开始？").shouldSayNothing();

        tester.asAdmin("群主").replies(asked, "/faq learn #1")
                .shouldReplyContaining(tester.script().render("faq.learned-phrasing",
                        Map.of("id", "1", "phrasing", "课程什么时候开始？")));

        tester.as("小红").says("课程什么时候开始？").shouldReplyContaining("每晚八点");
    }

    @Test
    void learningByTheQueuedIdWorksWithoutAReply() {
        tester.as("小明").says("停车场在哪里？");

        tester.asAdmin("群主").says("/faq learn 1 在地下二层").shouldReplyContaining("停车场在哪里");

        tester.as("小红").says("停车场在哪里？").shouldReplyContaining("在地下二层");
    }

    @Test
    void learningAnUnknownQueuedIdSaysSo() {
        tester.asAdmin("群主").says("/faq learn 9 在地下二层")
                .shouldReplyContaining(tester.script().render("faq.unanswered.not-found", Map.of("id", "9")));
    }

    @Test
    void learnedEntriesSurviveARestart() {
        ChatTester.Said asked = tester.as("小明").says("停车场在哪里？");
        tester.asAdmin("群主").replies(asked, "/faq learn 在地下二层");

        tester.restart();

        tester.as("小红").says("停车场在哪里？").shouldReplyContaining("在地下二层");
    }

    @Test
    void listShowsHowOftenEachEntryWasAsked() {
        tester.asAdmin("群主").says("/faq add 几点上课 | 每晚八点");
        tester.asAdmin("群主").says("/faq add 作业交到哪 | 交到群文件");
        tester.as("小明").says("几点上课？");
        tester.as("小红").says("几点上课？");

        tester.asAdmin("群主").says("/faq list")
                .shouldReplyContaining(
                        tester.script().render("faq.list.line",
                                Map.of("id", "1", "question", "几点上课", "answer", "每晚八点", "hits", "2")),
                        tester.script().render("faq.list.line",
                                Map.of("id", "2", "question", "作业交到哪", "answer", "交到群文件", "hits", "0")));
    }

    @Test
    void pluggedInMatcherAnswersAParaphrase() {
        tester.close();
        // stands in for the paraphrase matcher: knows that 报名 means 参加活动
        FaqMatcherFactory paraphrases = (List<FaqDocument> documents) -> query -> documents.stream()
                .filter(d -> query.contains("报名") && d.question().contains("参加活动"))
                .findFirst()
                .map(d -> FaqHit.of(d.id(), 0.9))
                .orElse(FaqHit.none(0.1));
        tester = ChatTester.builder(dir).classifier(QUESTIONS_BY_MARKS).faqMatchers(paraphrases).build();
        tester.asAdmin("群主").says("/faq add 如何参加活动 | 填群公告里的表格");

        tester.as("小明").says("怎么报名？").shouldReplyContaining("填群公告里的表格");
        tester.as("小红").says("明天下雨吗").shouldSayNothing();
    }
}
