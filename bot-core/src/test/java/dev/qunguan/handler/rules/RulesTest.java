package dev.qunguan.handler.rules;

import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RulesTest {
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
    void rulesWordPostsTheGroupRules() {
        tester.as("小明").says("群规").shouldSendMessages(1).shouldReplyContaining(tester.script().rules());
    }

    @Test
    void rulesCommandWorksForMembersWithEitherSlash() {
        tester.as("小明").says("/rules").shouldReplyContaining(tester.script().rules());
        tester.as("小明").says("／rules").shouldReplyContaining(tester.script().rules());
    }

    @Test
    void rulesWordInsideASentenceIsOrdinaryChat() {
        tester.as("小明").says("我们有群规吗我想看看但是不急").shouldSayNothing();
    }
}
