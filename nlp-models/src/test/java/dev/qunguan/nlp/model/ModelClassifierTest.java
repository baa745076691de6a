package dev.qunguan.nlp.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.classify.ActionThresholds;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import dev.qunguan.classify.Sensitivity;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ModelClassifierTest {

    private static final ModelClassifier MODEL = ModelClassifier.loadDefault();

    @ParameterizedTest
    @ValueSource(strings = {
        "兼职刷单日结，加 V 信 abc12345 详聊",
        "招代理，躺赚副业，联系⑧⑧⑧⑥⑥⑥⑨⑨⑨",
        "免费领取网课资料，𝐕𝐱：qunlink886",
        "进群领红包，威❤ 13812345678",
        "返利群每天发优惠券，ＶＸ：ｆａｎｌｉ６６８",
        "兼職日結，掃碼進群領紅包",
        "加.微.信 领福利，日赚300",
    })
    void catchesObfuscatedAds(String text) {
        assertThat(MODEL.classify(text).label()).as(text).isEqualTo(Label.AD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"好的", "收到", "哈哈哈哈", "+1", "签到", "早上好", "谢谢群主", "晚安", "666", "嗯嗯"})
    void leavesShortChatUnflagged(String text) {
        assertThat(MODEL.classify(text).label().isViolation()).as(text).isFalse();
    }

    @Test
    void flagsAPersonalInsultAimedAtAMember() {
        assertThat(MODEL.classify("你就是个傻逼，滚出这个群").label()).isEqualTo(Label.ABUSE);
    }

    @Test
    void recognisesAChatStyleQuestion() {
        assertThat(MODEL.classify("群里有人知道这个报名表怎么填吗").label()).isEqualTo(Label.QUESTION);
    }

    @Test
    void scoresEveryLabelWithProbabilitiesSummingToOne() {
        Classification verdict = MODEL.classify("明天下午的会改到几点了？");

        assertThat(verdict.scores()).containsOnlyKeys(Label.values());
        double sum = Arrays.stream(Label.values()).mapToDouble(verdict::score).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(verdict.confidence()).isEqualTo(verdict.score(verdict.label()));
    }

    @Test
    void treatsABorderlineViolationAsChatBelowTheActionThreshold() {
        Classification strict = MODEL.classify("有需要的私我", ActionThresholds.uniform(0.01));
        Classification never = MODEL.classify("有需要的私我", ActionThresholds.uniform(1.0));

        assertThat(never.label().isViolation()).isFalse();
        assertThat(strict.score(Label.AD)).isEqualTo(never.score(Label.AD));
    }

    @Test
    void ordersSensitivitiesFromStrictToLenient() {
        for (Label violation : List.of(Label.AD, Label.ABUSE)) {
            double strict = Sensitivity.STRICT.thresholds().of(violation);
            double normal = Sensitivity.NORMAL.thresholds().of(violation);
            double lenient = Sensitivity.LENIENT.thresholds().of(violation);
            assertThat(strict).isLessThan(normal);
            assertThat(normal).isLessThan(lenient);
        }
    }

    @Test
    void answersNormalForBlankText() {
        assertThat(MODEL.classify("  \u200b ").label()).isEqualTo(Label.NORMAL);
    }

    @Test
    void savesAndLoadsTheSameModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.bin.gz");
        MODEL.save(file);

        ModelClassifier loaded = ModelClassifier.load(file);

        String text = "招聘宝妈学生党，手机操作日赚300";
        assertThat(loaded.classify(text).scores()).isEqualTo(MODEL.classify(text).scores());
        assertThat(loaded.temperature()).isEqualTo(MODEL.temperature());
    }

    @Test
    void shipsTheMaxentBlendedWithTheMlp() {
        assertThat(MODEL.toString()).contains("MLP 2^18 × 48 → 48");
    }
}
