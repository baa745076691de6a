package dev.qunguan.handler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScriptCommandsTest {
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
    void settingTheWelcomeChangesTheNextWelcome() {
        tester.asAdmin("群主").says("/script set welcome 欢迎{member}来到本群，先看群规哦");

        tester.join("小红").shouldMention("小红").shouldReplyContaining("欢迎@小红来到本群，先看群规哦");
    }

    @Test
    void resetRestoresTheDefaultText() {
        String before = tester.join("小红").text();
        tester.asAdmin("群主").says("/script set welcome 欢迎{member}来到本群，先看群规哦");

        tester.asAdmin("群主").says("/script reset welcome");
        tester.clock().advance(tester.script().settings().welcomeMergeWindow().plusSeconds(1));

        tester.join("小刚").shouldReplyContaining(before.replace("小红", "小刚")).shouldNotContain("先看群规哦");
    }

    @Test
    void templateWithAnUnknownVariableIsRefusedAndNothingChanges() {
        String before = tester.script().template("checkin.ok");

        tester.asAdmin("群主").says("/script set checkin.ok {nickname}签到成功")
                .shouldReplyContaining(tester.script().render("script.invalid", Map.of("key", "checkin.ok", "error", ""))
                        .strip());

        tester.as("小明").says("签到").shouldReplyContaining("第1位").shouldNotContain("{nickname}");
        assertThat(tester.script().template("checkin.ok")).isEqualTo(before);
    }

    @Test
    void showPrintsTheTemplateInForce() {
        tester.asAdmin("群主").says("/script set checkin.ok {member}今天第{order}个到");

        tester.asAdmin("群主").says("/script show checkin.ok").shouldReplyContaining("{member}今天第{order}个到");
    }

    @Test
    void overrideSurvivesARestart() {
        tester.asAdmin("群主").says("/script set checkin.ok {member}今天第{order}个到");

        tester.restart();

        tester.as("小明").says("签到").shouldReplyContaining("小明今天第1个到");
    }

    @Test
    void memberMayNotChangeScripts() {
        tester.as("小明").says("/script set checkin.ok 我说了算")
                .shouldReplyContaining(tester.script().render("admin.not-allowed", Map.of("member", "小明")));

        tester.as("小明").says("签到").shouldNotContain("我说了算");
    }

    @Test
    void unknownKeyIsNamedInTheAnswer() {
        tester.asAdmin("群主").says("/script set nonsense hello").shouldReplyContaining("nonsense");
    }

    @Test
    void setWithoutATemplateShowsUsage() {
        tester.asAdmin("群主").says("/script set welcome").shouldReplyContaining(tester.script().render("script.usage"));
    }
}
