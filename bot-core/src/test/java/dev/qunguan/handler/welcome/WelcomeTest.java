package dev.qunguan.handler.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.EventId;
import dev.qunguan.event.MemberJoined;
import dev.qunguan.event.Role;
import dev.qunguan.event.TimerFired;
import dev.qunguan.script.ChatScript;
import dev.qunguan.testing.ChatTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WelcomeTest {
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
    void newcomerIsMentionedAndGreetedInTheGroupsStyle() {
        tester.join("小红")
                .shouldSendMessages(1)
                .shouldMention("小红")
                .shouldReplyContaining(welcome(tester.script(), "简洁", "小红"));
    }

    @Test
    void raidOfTenJoinsYieldsTwoMessages() {
        int sent = tester.join("新人1").messages().size();
        for (int i = 2; i <= 10; i++) {
            tester.clock().advance(Duration.ofSeconds(1));
            sent += tester.join("新人" + i).messages().size();
        }
        assertThat(sent).as("messages during the raid").isEqualTo(1);

        ChatTester.Said merged = tester.advance(window());

        merged.shouldSendMessages(1);
        assertThat(merged.mentionedIds()).hasSize(9);
        for (int i = 2; i <= 10; i++) {
            merged.shouldMention("新人" + i);
        }
        assertThat(tester.advance(window()).messages()).isEmpty();
    }

    @Test
    void joinAfterAQuietWindowIsGreetedAtOnce() {
        tester.join("小红");
        tester.clock().advance(window().plusSeconds(1));

        tester.join("小刚").shouldSendMessages(1).shouldMention("小刚");
        assertThat(tester.pendingTimers()).isZero();
    }

    @Test
    void memberWhoLeavesBeforeTheMergedGreetingIsLeftOut() {
        tester.join("小红");
        tester.join("小刚");
        tester.join("小美");
        tester.leave("小刚");

        ChatTester.Said merged = tester.advance(window());

        merged.shouldMention("小美");
        assertThat(merged.mentionedIds()).containsExactly(tester.as("小美").user().id());
    }

    @Test
    void newcomerInAGroupWhoseScriptChoosesTheLivelyStyleGetsTheLivelyText() throws IOException {
        Path scripts = dir.resolve("lively-scripts");
        Path groupFile = scripts.resolve(tester.chat().platform()).resolve(tester.chat().chatId() + ".yaml");
        Files.createDirectories(groupFile.getParent());
        Files.writeString(groupFile, "settings:\n  welcome-style: 活泼\n");

        try (ChatTester lively = ChatTester.builder(dir.resolve("lively")).scripts(scripts).build()) {
            String livelyText = welcome(lively.script(), "活泼", "小红");
            assertThat(livelyText).isNotEqualTo(welcome(lively.script(), "简洁", "小红"));

            lively.join("小红").shouldMention("小红").shouldReplyContaining(livelyText);
        }
    }

    @Test
    void mergedGreetingUsesTheManyMembersText() {
        tester.join("小红");
        tester.join("小刚");
        tester.join("小美");

        String expected = tester.script().render("welcome-many.简洁", Map.of(
                "members", "@小刚、@小美",
                "count", "2",
                "group", tester.script().settings().groupName(),
                "rules_summary", ""));
        tester.advance(window()).shouldReplyContaining(expected);
    }

    @Test
    void joinsOnTwoNodesAreGreetedTogetherByTheNodeThatFiresTheTimer() {
        try (ChatTester otherNode = ChatTester.create(dir)) {
            for (String name : List.of("小红", "小刚", "小美")) {
                // Testers number members as they first meet them: meet them in one order on both.
                assertThat(otherNode.as(name).user().id()).isEqualTo(tester.as(name).user().id());
            }
            tester.join("小红").shouldMention("小红");
            // Its own delivery id: the testers number their events alike.
            otherNode.deliver(new MemberJoined(EventId.of("other-node-1"), otherNode.chat(),
                    otherNode.member("小刚", Role.MEMBER), otherNode.clock().instant())).shouldSayNothing();
            tester.join("小美").shouldSayNothing();

            otherNode.clock().advance(window());
            ChatTester.Said merged = tester.advance(window());

            assertThat(merged.mentionedIds()).containsExactly(
                    tester.as("小刚").user().id(), tester.as("小美").user().id());
            assertThat(otherNode.advance(window()).messages()).as("the other node's timer finds nobody waiting")
                    .isEmpty();
        }
    }

    @Test
    void membersWaitingForTheMergedGreetingSurviveARestart() {
        tester.join("小红");
        tester.join("小刚");

        tester.restart();
        tester.clock().advance(window());

        ChatTester.Said merged = tester.deliver(new TimerFired(EventId.of("timer-after-restart"), tester.chat(),
                WelcomeHandler.TIMER, tester.clock().instant()));
        assertThat(merged.mentionedIds()).containsExactly(tester.as("小刚").user().id());
    }

    private Duration window() {
        return tester.script().settings().welcomeMergeWindow();
    }

    /** The rendered welcome as members read it, the mention shown as @name. */
    private static String welcome(ChatScript script, String style, String member) {
        return script.render("welcome." + style, Map.of(
                "member", "@" + member,
                "group", script.settings().groupName(),
                "rules_summary", ""));
    }
}
