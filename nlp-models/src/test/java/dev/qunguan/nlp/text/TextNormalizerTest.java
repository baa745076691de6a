package dev.qunguan.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TextNormalizerTest {

    private final TextNormalizer standard = TextNormalizer.standard();
    private final TextNormalizer matching = TextNormalizer.forMatching();

    @Test
    void foldsFullWidthFormsAndTheIdeographicSpace() {
        assertThat(standard.normalize("ＡＢＣ１２３，！")).isEqualTo("abc123,!");
        assertThat(standard.normalize("好的\u3000ok")).isEqualTo("好的 ok");
    }

    @Test
    void convertsTraditionalToSimplifiedChinese() {
        assertThat(standard.normalize("加微信領取免費福利，兼職日結")).isEqualTo("加微信领取免费福利,兼职日结");
        assertThat(standard.normalize("頭髮乾燥")).isEqualTo("头发干燥");
    }

    @Test
    void removesZeroWidthAndControlCharacters() {
        assertThat(standard.normalize("加\u200b微\u200d信\ufeff\u00ad\u2060号\u0007码")).isEqualTo("加微信号码");
        assertThat(standard.normalize("第一行\n第二行")).isEqualTo("第一行第二行");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "①②⑧|128",
        "⑴⑵⒈⒉|1212",
        "❶➀➊⓵|1111",
        "1️⃣2️⃣3️⃣|123",
        "𝟎𝟏𝟐|012",
        "𝐕𝐱|微信",
        "𝕧𝕩|微信",
        "ⓐⓑⓒ|abc",
        "🅰🅱🅲|abc",
    })
    void foldsDecoratedDigitsAndLetters(String decorated, String plain) {
        assertThat(standard.normalize(decorated)).isEqualTo(plain);
    }

    @Test
    void foldsCyrillicAndGreekLookAlikesToLatin() {
        assertThat(standard.normalize("аbс")).isEqualTo("abc");
        assertThat(standard.normalize("ВОРЕ")).isEqualTo("bope");
        assertThat(standard.normalize("οκ")).isEqualTo("ok");
    }

    @Test
    void foldsOnlyLongRunsOfChineseDigits() {
        assertThat(standard.normalize("八八八八八八八八")).isEqualTo("88888888");
        assertThat(standard.normalize("捌捌捌陆陆陆")).isEqualTo("888666");
        assertThat(standard.normalize("一个人一心一意")).isEqualTo("一个人一心一意");
        assertThat(standard.normalize("三五成群")).isEqualTo("三五成群");
        assertThat(standard.normalize("一五一十地说")).isEqualTo("一五一十地说");
    }

    @Test
    void squeezesLongRepeatsButKeepsDigitRuns() {
        assertThat(standard.normalize("哈哈哈哈哈哈")).isEqualTo("哈哈");
        assertThat(standard.normalize("好!!!!!!")).isEqualTo("好!!");
        assertThat(standard.normalize("哈哈哈")).isEqualTo("哈哈哈");
        assertThat(standard.normalize("8888888")).isEqualTo("8888888");
        assertThat(standard.normalize("电话xxxxxxxxxxx")).isEqualTo("电话xxxxxxxxxxx");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "加 V 信|加微信",
        "加.微.信|加微信",
        "v-x|微信",
        "微 信|微信",
        "a b c 1 2 3|abc123",
        "加😀微😀信|加微信",
        "hello world|hello world",
        "今天 天气 不错|今天天气不错",
        "i am ok|i am ok",
    })
    void joinsSpacedOutCharacters(String spaced, String joined) {
        assertThat(standard.normalize(spaced)).isEqualTo(joined);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "微信|微信",
        "薇信|微信",
        "徽信|微信",
        "V信|微信",
        "vx|微信",
        "wx:abc|微信:abc",
        "weixin|微信",
        "威❤|微信",
        "薇♥|微信",
        "加威信|加微信",
        "加vabc123456|加微信abc123456",
        "加vip会员|加vip会员",
        "威信:abc|微信:abc",
        "扣扣|qq",
        "QQ|qq",
        "企鹅号|qq号",
        "企鹅12345|qq12345",
        "Q群|qq群",
        "电报|telegram",
        "飞机@abc|telegram@abc",
        "tg:abc|telegram:abc",
        "纸飞机|telegram",
    })
    void canonicalisesContactAppNicknames(String variant, String canonical) {
        assertThat(standard.normalize(variant)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "我们去飞机场|我们去飞机场",
        "坐飞机回家|坐飞机回家",
        "他很有威信|他很有威信",
        "我喜欢企鹅|我喜欢企鹅",
        "vxe 框架|vxe 框架",
        "wxid_abc123|wxid_abc123",
        "tgif|tgif",
        "sqq|sqq",
    })
    void leavesOrdinaryWordsThatContainANicknameAlone(String text, String expected) {
        assertThat(standard.normalize(text)).isEqualTo(expected);
    }

    @Test
    void returnsEmptyTextForBlankInput() {
        assertThat(standard.normalize("")).isEmpty();
        assertThat(standard.normalize(" \u200b\t ")).isEmpty();
        assertThat(matching.normalize("")).isEmpty();
    }

    @Test
    void matchingFormFoldsCharactersButKeepsWordsAndDropsPunctuation() {
        assertThat(matching.normalize("請問群規在哪裡看？")).isEqualTo("请问群规在哪里看");
        assertThat(matching.normalize("ＷＩＦＩ 密码，是多少！！！！")).isEqualTo("wifi 密码是多少");
        assertThat(matching.normalize("how to  sign-in?")).isEqualTo("how to sign in");
        assertThat(matching.normalize("加微信")).isEqualTo("加微信");
        assertThat(matching.normalize("vx 在哪")).isEqualTo("vx 在哪");
    }
}
