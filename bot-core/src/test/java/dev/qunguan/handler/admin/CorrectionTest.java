package dev.qunguan.handler.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.Label;
import dev.qunguan.store.LabelledExample;
import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CorrectionTest {
    /** Knows only one kind of ad, so the others must be taught. */
    private static final Classifier FLAGS_ADD_WECHAT = text -> text.contains("加微信")
            ? new Classification(Label.AD, 0.97, Map.of(Label.AD, 0.97), List.of("contact-solicitation"))
            : Classification.certain(Label.NORMAL, List.of());

    private static final String MISSED_AD = "周末团购新鲜水果，便宜，私我";

    @TempDir
    Path dir;

    private ChatTester tester;

    @BeforeEach
    void start() {
        tester = ChatTester.builder(dir).classifier(FLAGS_ADD_WECHAT).build();
    }

    @AfterEach
    void stop() {
        tester.close();
    }

    @Test
    void adCorrectionDeletesTheMessageAndWarnsItsAuthor() {
        ChatTester.Said missed = tester.as("小明").says(MISSED_AD).shouldNotDelete();

        tester.asAdmin("管理员").replies(missed, "/ad")
                .shouldDelete()
                .shouldMention("小明")
                .shouldReplyContaining(tester.script().render("moderation.correction.ad", Map.of("member", "小明")))
                .shouldNotContain("团购");
    }

    @Test
    void adCorrectionCatchesTheNextSameMessage() {
        ChatTester.Said missed = tester.as("小明").says(MISSED_AD);
        tester.asAdmin("管理员").replies(missed, "/ad");

        tester.as("小红").says("周末团购新鲜水果 便宜 私我！").shouldDelete().shouldMention("小红");
    }

    @Test
    void adCorrectionCatchesANearDuplicate() {
        ChatTester.Said missed = tester.as("小明").says(MISSED_AD);
        tester.asAdmin("管理员").replies(missed, "/ad");

        tester.as("小红").says("周末团购新鲜水果，便宜，私我哦").shouldDelete();
    }

    @Test
    void adCorrectionLeavesUnrelatedMessagesAlone() {
        ChatTester.Said missed = tester.as("小明").says(MISSED_AD);
        tester.asAdmin("管理员").replies(missed, "/ad");

        tester.as("小红").says("今天天气真好").shouldNotDelete();
    }

    @Test
    void notadCorrectionStopsTheNextSameMessageFromBeingModerated() {
        ChatTester.Said flagged = tester.as("小明").says("加微信群的同学请看群公告").shouldDelete();

        tester.asAdmin("管理员").replies(flagged, "/notad")
                .shouldNotDelete()
                .shouldReplyContaining(tester.script().render("moderation.correction.notad", Map.of("member", "小明")));

        tester.as("小红").says("加微信群的同学请看群公告").shouldNotDelete();
    }

    @Test
    void notadOnAMessageTheBotDeletedWithdrawsTheWarning() {
        ChatTester.Said flagged = tester.as("小明").says("加微信群的同学请看群公告").shouldDelete();

        tester.asAdmin("管理员").replies(flagged, "/notad");

        tester.asAdmin("管理员").says("/warnings @小明")
                .shouldReplyContaining(tester.script().render("admin.no-warnings", Map.of("member", "小明")));
    }

    @Test
    void adOnAMessageTheBotAlreadyDeletedDoesNotWarnTwice() {
        ChatTester.Said flagged = tester.as("小明").says("加微信领红包").shouldDelete();

        tester.asAdmin("管理员").replies(flagged, "/ad").shouldNotDelete().shouldNotMute();
    }

    @Test
    void correctionsSurviveARestart() {
        ChatTester.Said missed = tester.as("小明").says(MISSED_AD);
        tester.asAdmin("管理员").replies(missed, "/ad");
        ChatTester.Said flagged = tester.as("小红").says("加微信群的同学请看群公告");
        tester.asAdmin("管理员").replies(flagged, "/notad");

        tester.restart();

        tester.as("小刚").says(MISSED_AD).shouldDelete();
        tester.as("小刚").says("加微信群的同学请看群公告").shouldNotDelete();
    }

    @Test
    void correctionsAreStoredAsExamplesForRetraining() {
        ChatTester.Said missed = tester.as("小明").says(MISSED_AD);
        tester.asAdmin("管理员").replies(missed, "/ad");

        assertThat(tester.stores().examples().all())
                .extracting(LabelledExample::chat, LabelledExample::text, LabelledExample::label)
                .containsExactly(tuple(tester.chat(), MISSED_AD, Label.AD));
    }

    @Test
    void correctionWithoutAReplyExplainsHow() {
        tester.asAdmin("管理员").says("/ad")
                .shouldReplyContaining(tester.script().render("moderation.correction.need-reply",
                        Map.of("command", "/ad")));
    }

    @Test
    void correctionOfAMessageTheBotNoLongerRemembersSaysSo() {
        ChatTester.Said missed = tester.as("小明").says(MISSED_AD);
        tester.restart();

        tester.asAdmin("管理员").replies(missed, "/ad")
                .shouldNotDelete()
                .shouldReplyContaining(tester.script().render("moderation.correction.unknown-message",
                        Map.of("command", "/ad")));
    }

    @Test
    void membersMayNotCorrect() {
        ChatTester.Said missed = tester.as("小明").says(MISSED_AD);

        tester.as("小红").replies(missed, "/ad")
                .shouldNotDelete()
                .shouldReplyContaining(tester.script().render("admin.not-allowed", Map.of("member", "小红")));
        tester.as("小刚").says(MISSED_AD).shouldNotDelete();
    }
}
