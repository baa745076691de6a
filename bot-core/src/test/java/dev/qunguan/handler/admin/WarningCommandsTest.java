package dev.qunguan.handler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.Role;
import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WarningCommandsTest {
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
    void adminWarnsAMemberWithAReason() {
        tester.asAdmin("群主").says("/warn @小明 刷屏").shouldReplyContaining("小明", "刷屏").shouldNotMute();

        tester.asAdmin("群主").says("/warnings @小明").shouldReplyContaining("刷屏");
    }

    @Test
    void warningsGivenByHandClimbTheSameLadderAsModeration() {
        tester.asAdmin("群主").says("/warn @小明 刷屏");
        tester.asAdmin("群主").says("/warn @小明 又刷屏").shouldMute(Duration.ofMinutes(10));

        tester.asAdmin("群主").says("/warn @小明 还刷屏").shouldRemove();
    }

    @Test
    void unwarnWithdrawsTheLatestWarning() {
        tester.asAdmin("群主").says("/warn @小明 刷屏");

        tester.asAdmin("群主").says("/unwarn @小明").shouldReplyContaining("小明");

        tester.asAdmin("群主").says("/warnings @小明")
                .shouldReplyContaining(tester.script().render("admin.no-warnings", Map.of("member", "小明")));
        tester.asAdmin("群主").says("/unwarn @小明")
                .shouldReplyContaining(tester.script().render("admin.no-warnings", Map.of("member", "小明")));
    }

    @Test
    void memberMayNotUseAdminCommands() {
        String refusal = tester.script().render("admin.not-allowed", Map.of("member", "小明"));

        tester.as("小明").says("/warn @小红 刷屏").shouldReplyContaining(refusal);
        tester.asAdmin("群主").says("/warnings @小红")
                .shouldReplyContaining(tester.script().render("admin.no-warnings", Map.of("member", "小红")));
    }

    @Test
    void warnWithoutAMentionAsksWhoIsMeant() {
        tester.asAdmin("群主").says("/warn 刷屏")
                .shouldReplyContaining(tester.script().render("admin.need-mention", Map.of("command", "/warn")))
                .shouldNotMute();
    }

    @Test
    void fullWidthSlashWorksLikeASlash() {
        tester.asAdmin("群主").says("／warn @小明 刷屏");

        tester.asAdmin("群主").says("／warnings @小明").shouldReplyContaining("刷屏");
    }

    @Test
    void configuredBotAdminMayWarnWithoutBeingAGroupAdmin() {
        tester.close();
        tester = ChatTester.builder(dir).botAdmins(Set.of("u1")).build();
        assertThat(tester.member("运维", Role.MEMBER).id()).isEqualTo("u1");

        tester.as("运维").says("/warn @小明 测试").shouldNotContain(
                tester.script().render("admin.not-allowed", Map.of("member", "运维")));
        tester.as("运维").says("/warnings @小明").shouldReplyContaining("测试");
    }

    @Test
    void helpListsTheCommands() {
        tester.asAdmin("群主").says("/help").shouldReplyContaining(tester.script().render("admin.help"));
    }

    @Test
    void unknownSlashWordIsLeftToOtherFeatures() {
        tester.asAdmin("群主").says("/dance").shouldSayNothing();
    }
}
