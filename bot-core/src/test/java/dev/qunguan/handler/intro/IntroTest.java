package dev.qunguan.handler.intro;

import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IntroTest {
    @TempDir
    Path dir;

    @Test
    void botIntroducesItselfOncePerGroupEvenWhenAddedAgain() {
        try (ChatTester tester = ChatTester.create(dir)) {
            String intro = tester.script().render("intro",
                    Map.of("group", tester.script().settings().groupName()));

            tester.botAdded().shouldSendMessages(1).shouldReplyContaining(intro);
            tester.botAdded().shouldSayNothing();

            tester.restart();

            tester.botAdded().shouldSayNothing();
        }
    }
}
