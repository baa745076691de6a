package dev.qunguan.nlp.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PairFeaturesTest {

    private final TextAnalyzer analyzer = TextAnalyzer.standard();

    private double feature(String query, String wording, String name) {
        double[] features = PairFeatures.of(analyzer.analyze(query), analyzer.analyze(wording), new double[4], 0, 0);
        return features[PairFeatures.NAMES.indexOf(name)];
    }

    @Test
    void aVerbSwappedForAnotherIsFlagged() {
        assertThat(feature("微信怎么删除好友", "微信怎么添加好友", "swapped_verb")).isEqualTo(1);
        assertThat(feature("微信怎么删除好友", "微信怎么添加好友", "swapped_noun")).isZero();
    }

    @Test
    void aNounSwappedForAnotherIsFlagged() {
        assertThat(feature("手机怎么设置铃声", "电脑怎么设置铃声", "swapped_noun")).isEqualTo(1);
        assertThat(feature("手机怎么设置铃声", "电脑怎么设置铃声", "swapped_verb")).isZero();
    }

    @Test
    void synonymsAreNotCountedAsSwaps() {
        String query = "微信怎么删除好友";
        String paraphrase = "微信如何删除好友";

        assertThat(feature(query, paraphrase, "swapped_verb")).isZero();
        assertThat(feature(query, paraphrase, "swapped_noun")).isZero();
        assertThat(feature(query, paraphrase, "one_side_extra")).isZero();
        assertThat(feature(query, paraphrase, "focus_miss")).isZero();
    }

    @Test
    void subjectAndObjectTradingPlacesCountsAsInvertedOrder() {
        assertThat(feature("猫为什么怕狗", "狗为什么怕猫", "order_inversions")).isEqualTo(1);
        assertThat(feature("猫为什么怕狗", "猫为什么怕狗", "order_inversions")).isZero();
    }

    @Test
    void aDifferentWordAfterTheQuestionWordIsAMissedFocus() {
        assertThat(feature("怎么退款", "怎么开发票", "focus_miss")).isPositive();
    }

    @Test
    void wordsSaidOnlyOnOneSideAreAnElaborationNotASwap() {
        assertThat(feature("会费是多少钱", "会费多少钱一年", "one_side_extra")).isEqualTo(1);
        assertThat(feature("会费是多少钱", "会费多少钱一年", "swapped_noun")).isZero();
    }

    @Test
    void rankingFeaturesAreLeftForTheChoiceToFillIn() {
        double[] features = PairFeatures.of(analyzer.analyze("怎么退款"), analyzer.analyze("退款怎么办"), new double[4], 0.3, 0);

        assertThat(features[PairFeatures.RANK_LOGIT]).isZero();
        assertThat(features[PairFeatures.RANK_GAP]).isZero();
        assertThat(features[PairFeatures.RUNNER_UP_LIKENESS]).isZero();
    }
}
