package dev.qunguan.adapters.onebot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class CqCodeParserTest {

    @Test
    void splitsTextAndCodesInOrder() {
        assertThat(CqCodeParser.parse("前[CQ:face,id=14]中[CQ:at,qq=123]后")).containsExactly(
                WireSegment.text("前"),
                new WireSegment("face", Map.of("id", "14")),
                WireSegment.text("中"),
                new WireSegment("at", Map.of("qq", "123")),
                WireSegment.text("后"));
    }

    @Test
    void undoesEscapesInParameterValuesIncludingCommas() {
        assertThat(CqCodeParser.parse("[CQ:image,file=a&#44;b&#91;1&#93;.jpg,url=https://x/?a=1&amp;b=2]"))
                .containsExactly(new WireSegment("image", Map.of("file", "a,b[1].jpg", "url", "https://x/?a=1&b=2")));
    }

    @Test
    void keepsAnEscapedEscapeAsItsLiteralText() {
        assertThat(CqCodeParser.unescape("&amp;#91; &amp;amp;")).isEqualTo("&#91; &amp;");
    }

    @Test
    void leavesUnknownEntitiesAndLoneAmpersandsAlone() {
        assertThat(CqCodeParser.unescape("a & b &lt; c&")).isEqualTo("a & b &lt; c&");
    }

    @Test
    void keepsAnUnterminatedCodeAsText() {
        assertThat(CqCodeParser.parse("hi [CQ:at,qq=1")).containsExactly(WireSegment.text("hi [CQ:at,qq=1"));
    }

    @Test
    void yieldsNothingForAnEmptyMessage() {
        assertThat(CqCodeParser.parse("")).isEmpty();
    }
}
