package dev.qunguan.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class TemplateTest {
    @Test
    void substitutesPlaceholdersWithTheirValues() {
        Template template = Template.parse("欢迎 {member} 加入{group}！");

        assertThat(template.render(Map.of("member", "小王", "group", "读书会"))).isEqualTo("欢迎 小王 加入读书会！");
        assertThat(template.variables()).containsExactlyInAnyOrder("member", "group");
    }

    @Test
    void insertsValuesLiterallyWithoutReadingThemAsTemplates() {
        Template template = Template.parse("欢迎 {member}，你在{group}");

        String rendered = template.render(Map.of("member", "{group}${java.version}{{x}}", "group", "本群"));

        assertThat(rendered).isEqualTo("欢迎 {group}${java.version}{{x}}，你在本群");
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        Template template = Template.parse("用 {{member}} 插入成员名，{{ 和 }} 是括号");

        assertThat(template.variables()).isEmpty();
        assertThat(template.render(Map.of("member", "x"))).isEqualTo("用 {member} 插入成员名，{ 和 } 是括号");
    }

    @Test
    void missingValuesRenderAsEmptyText() {
        assertThat(Template.parse("[{member}]").render(Map.of())).isEqualTo("[]");
    }

    @Test
    void rejectsAnUnclosedBrace() {
        assertThatThrownBy(() -> Template.parse("欢迎 {member 加入"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed {");
    }

    @Test
    void rejectsAVariableTheKeyDoesNotOffer() {
        assertThatThrownBy(() -> Template.parseFor("checkin.ok", "{member} {password}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{password}")
                .hasMessageContaining("{streak}");
    }

    @Test
    void keepsTheSourceForShowing() {
        assertThat(Template.parse("a {{b}} {c}").source()).isEqualTo("a {{b}} {c}");
    }
}
