package dev.qunguan.handler.moderation;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.Label;
import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ModerationTest {
    /** Stands in for the real classifier, which is tested with its own data. */
    static final Classifier FLAGS_WECHAT_ADS_AND_SWEARING = text -> {
        if (text.contains("加微信")) {
            return new Classification(Label.AD, 0.99, Map.of(Label.AD, 0.99), List.of("contact-solicitation"));
        }
        if (text.contains("傻逼")) {
            return new Classification(Label.ABUSE, 0.95, Map.of(Label.ABUSE, 0.95), List.of("insult"));
        }
        if (text.contains("优惠")) {
            // An unsure verdict: below even the strict threshold.
            return new Classification(Label.AD, 0.5, Map.of(Label.AD, 0.5), List.of());
        }
        if (text.contains("推广")) {
            // Between the strict and the normal threshold.
            return new Classification(Label.AD, 0.8, Map.of(Label.AD, 0.8), List.of());
        }
        if (text.contains("代购")) {
            // Between the normal and the lenient threshold.
            return new Classification(Label.AD, 0.9, Map.of(Label.AD, 0.9), List.of());
        }
        return Classification.certain(Label.NORMAL, List.of());
    };

    @TempDir
    Path dir;

    private ChatTester tester;

    @BeforeEach
    void start() {
        tester = ChatTester.builder(dir).classifier(FLAGS_WECHAT_ADS_AND_SWEARING).build();
    }

    @AfterEach
    void stop() {
        tester.close();
    }

    @Test
    void adIsDeletedAndWarnedWithoutRepeatingTheAd() {
        tester.as("小明").says("加微信 wx8888 领红包")
                .shouldDelete()
                .shouldMention("小明")
                .shouldNotMute()
                .shouldSendMessages(1)
                .shouldNotContain("加微信", "wx8888", "领红包");
    }

    @Test
    void abuseIsDeletedAndWarned() {
        tester.as("小明").says("你是傻逼吧").shouldDelete().shouldMention("小明").shouldNotContain("傻逼");
    }

    @Test
    void secondViolationMutesForTenMinutes() {
        tester.as("小明").says("加微信领红包");

        tester.as("小明").says("你个傻逼").shouldDelete().shouldMute(Duration.ofMinutes(10)).shouldMention("小明");
    }

    @Test
    void thirdViolationRemovesTheMember() {
        tester.as("小明").says("加微信领红包");
        tester.as("小明").says("加微信领红包");

        tester.as("小明").says("加微信领红包").shouldDelete().shouldRemove().shouldNotMute();
    }

    @Test
    void warningsOfOneMemberDoNotCountForAnother() {
        tester.as("小明").says("加微信领红包");

        tester.as("小红").says("加微信领红包").shouldDelete().shouldNotMute();
    }

    @Test
    void adminsAndOwnerAreNotModerated() {
        tester.asAdmin("管理员").says("加微信领红包").shouldNotDelete();
        tester.asOwner("群主").says("加微信领红包").shouldNotDelete();
    }

    @Test
    void unsureVerdictIsLeftAlone() {
        tester.as("小明").says("今天有优惠吗").shouldNotDelete();
    }

    @Test
    void warningsExpireAfterThirtyDays() {
        tester.as("小明").says("加微信领红包");
        tester.clock().advance(Duration.ofDays(31));

        tester.as("小明").says("加微信领红包").shouldDelete().shouldNotMute();
    }

    @Test
    void moderatedMessageIsNotAnsweredByLaterFeatures() {
        tester.asAdmin("群主").says("/faq add 加微信 | 不要加陌生人微信");

        tester.as("小明").says("加微信").shouldDelete().shouldNotContain("不要加陌生人微信");
    }

    @Test
    void newcomerIsHeldToTheStrictThreshold() {
        tester.as("小明").says("帮朋友推广一下新店").shouldDelete();
    }

    @Test
    void memberWithFewCleanMessagesIsStillANewcomerAfterADay() {
        chat("小明", MemberStanding.NEWCOMER_CLEAN_MESSAGES - 1);
        tester.clock().advance(Duration.ofDays(2));

        tester.as("小明").says("帮朋友推广一下新店").shouldDelete();
    }

    @Test
    void regularMemberIsHeldToTheGroupsThreshold() {
        chat("小明", MemberStanding.NEWCOMER_CLEAN_MESSAGES);
        tester.clock().advance(MemberStanding.NEWCOMER_AGE);

        tester.as("小明").says("帮朋友推广一下新店").shouldNotDelete();
        tester.as("小明").says("日本代购，私聊").shouldDelete();
    }

    @Test
    void establishedMemberGetsOneStepMoreLenientThanTheGroup() {
        chat("小明", MemberStanding.ESTABLISHED_CLEAN_MESSAGES);
        tester.clock().advance(MemberStanding.ESTABLISHED_AGE);

        tester.as("小明").says("日本代购，私聊").shouldNotDelete();
        tester.as("小明").says("加微信领红包").shouldDelete();
    }

    @Test
    void manyCleanMessagesInOneDayDoNotMakeAMemberEstablished() {
        chat("小明", MemberStanding.ESTABLISHED_CLEAN_MESSAGES);
        tester.clock().advance(Duration.ofDays(2));

        tester.as("小明").says("日本代购，私聊").shouldDelete();
    }

    @Test
    void aViolationStartsTheCleanRecordAgain() {
        chat("小明", MemberStanding.ESTABLISHED_CLEAN_MESSAGES);
        tester.clock().advance(MemberStanding.ESTABLISHED_AGE);
        tester.as("小明").says("加微信领红包").shouldDelete();

        tester.as("小明").says("帮朋友推广一下新店").shouldDelete();
    }

    private void chat(String member, int messages) {
        for (int i = 0; i < messages; i++) {
            tester.as(member).says("今天天气不错 " + i).shouldNotDelete();
            // At a human pace: a burst would be stopped by flood control before moderation saw it.
            tester.clock().advance(Duration.ofSeconds(2));
        }
    }
}
