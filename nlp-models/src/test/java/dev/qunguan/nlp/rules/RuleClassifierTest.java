package dev.qunguan.nlp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import dev.qunguan.nlp.text.TextNormalizer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RuleClassifierTest {

    private final RuleClassifier classifier = RuleClassifier.create();

    @Test
    void flagsContactPlusSolicitationPlusSideJobAsAnAdWithHighConfidence() {
        Classification verdict = classifier.classify("加微信 abc12345 领取免费福利，兼职日结300元");

        assertThat(verdict.label()).isEqualTo(Label.AD);
        assertThat(verdict.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(verdict.signals()).contains("wechat-id", "contact-solicitation", "side-job", "money");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "加 V 信 a b c 1 2 3 4 5 6",
        "⑧⑧⑧⑧⑧⑧⑧⑧ 扣扣 私聊",
        "𝐕𝐱: qq123456 刷单返利",
        "威❤ abc888 代理招募",
        "加.微.信 wxid_abc123 日赚500",
        "加ＶＸ：ａｂｃ１２３４５ 兼职",
        "加微信領取免費福利，兼職日結",
        "加\u200b微\u200b信 abc12345 兼职",
        "飞机@abcde999 首存送彩金",
        "八八八八八八八八 加我qq 返利",
    })
    void flagsObfuscatedAdsAsAds(String text) {
        assertThat(classifier.classify(text).label()).as(text).isEqualTo(Label.AD);
    }

    @Test
    void flagsASecondPersonInsultAsAbuse() {
        Classification verdict = classifier.classify("你就是个傻逼");

        assertThat(verdict.label()).isEqualTo(Label.ABUSE);
        assertThat(verdict.confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(verdict.signals()).contains("insult", "second-person");
    }

    @Test
    void flagsSpacedOutInsultsAsAbuse() {
        assertThat(classifier.classify("你 是 傻 逼").label()).isEqualTo(Label.ABUSE);
        assertThat(classifier.classify("ＮＭＳＬ").label()).isEqualTo(Label.ABUSE);
    }

    @Test
    void recognisesAPoliteQuestion() {
        Classification verdict = classifier.classify("请问群规在哪里看？");

        assertThat(verdict.label()).isEqualTo(Label.QUESTION);
        assertThat(verdict.confidence()).isGreaterThan(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"好的收到", "哈哈哈哈哈哈", "今天天气不错", "签到", "明天下午3点开会", "我的电话坏了",
        "看这个 https://github.com/foo", "你这个想法有点傻", "我们去飞机场接人", "他在群里很有威信", "我喜欢企鹅",
        "订单号 20240501123 到了", "vxe 是个新框架", "垃圾分类从我做起", "滚动条怎么拉不动了"})
    void leavesOrdinaryChatAloneOrAtMostAsAQuestion(String text) {
        Classification verdict = classifier.classify(text);

        assertThat(verdict.label()).as(text + " " + verdict).isIn(Label.NORMAL, Label.QUESTION);
        assertThat(verdict.score(Label.AD)).as(text + " ad score").isLessThan(0.5);
        assertThat(verdict.score(Label.ABUSE)).as(text + " abuse score").isLessThan(0.5);
    }

    @Test
    void keepsALoneLinkOrNumberFarBelowAnActingConfidence() {
        assertThat(classifier.classify("看这个 https://github.com/foo").score(Label.AD)).isLessThanOrEqualTo(0.3);
        assertThat(classifier.classify("我的手机号是13812345678").score(Label.AD)).isLessThanOrEqualTo(0.3);
    }

    @Test
    void givesALoneWeakCueOnlyAModerateAdScore() {
        Classification verdict = classifier.classify("有人做兼职吗");

        assertThat(verdict.label()).isEqualTo(Label.QUESTION);
        assertThat(verdict.score(Label.AD)).isBetween(0.0, 0.3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"福利彩票怎么玩", "兼职日结靠谱吗？", "哪里可以找兼职？"})
    void treatsAQuestionAboutLuresAsAQuestionNotAnAd(String text) {
        assertThat(classifier.classify(text).label()).as(text).isEqualTo(Label.QUESTION);
    }

    @Test
    void flagsASmsPromotionWithAMaskedPhoneNumber() {
        Classification verdict = classifier.classify("【某某商城】元宵特惠全场5折，详情咨询xxxxxxxxxxx，回T退订");

        assertThat(verdict.label()).isEqualTo(Label.AD);
        assertThat(verdict.signals()).contains("masked-number", "marketing");
    }

    @Test
    void ranksAnAdAboveTheQuestionMarkItEndsWith() {
        Classification verdict = classifier.classify("想要兼职日结吗？加微信 abc12345");

        assertThat(verdict.label()).isEqualTo(Label.AD);
        assertThat(verdict.confidence()).isGreaterThan(0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"加微信 abc12345 领取免费福利，兼职日结300元", "你就是个傻逼", "请问群规在哪里看？", "好的收到", ""})
    void scoresEveryLabelAndSumsToOne(String text) {
        Classification verdict = classifier.classify(text);

        assertThat(verdict.scores()).containsOnlyKeys(Label.values());
        assertThat(verdict.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(verdict.confidence()).isEqualTo(verdict.score(verdict.label()));
    }

    @Test
    void classifiesPreNormalisedTextTheSameAsRawText() {
        String raw = "加ＶＸ：ａｂｃ１２３４５ 兼职";

        assertThat(classifier.classifyNormalized(TextNormalizer.standard().normalize(raw)))
                .isEqualTo(classifier.classify(raw));
    }

    @Test
    void givesTheSameVerdictsWhenSharedAcrossThreads() throws Exception {
        List<String> texts = List.of("加微信 abc12345 兼职日结", "你就是个傻逼", "請問群規在哪裡看？", "今天天气不错");
        List<Classification> expected = texts.stream().map(classifier::classify).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Classification>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> texts.stream().map(classifier::classify).toList()));
            }
            for (Future<List<Classification>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        }
    }
}
