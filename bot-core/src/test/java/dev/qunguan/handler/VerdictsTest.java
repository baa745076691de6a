package dev.qunguan.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.classify.Label;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.event.UserRef;
import dev.qunguan.message.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class VerdictsTest {
    private static final ChatRef CHAT = ChatRef.of("test", "g1");
    private final List<String> classified = new ArrayList<>();
    private final Verdicts verdicts = Verdicts.of(text -> {
        classified.add(text);
        return Classification.certain(text.endsWith("?") ? Label.QUESTION : Label.NORMAL, List.of());
    }, ExampleMemory.nearDuplicates());

    private static MessageReceived message(String id, String text) {
        return new MessageReceived(EventId.of("e" + id), CHAT, UserRef.member("u1", "Ann"), MessageRef.of(id),
                Message.text(text), Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void classifiesAMessageOnceHoweverManyHandlersAsk() {
        MessageReceived question = message("m1", "how do I join?");

        Label first = verdicts.of(question).label();
        Label again = verdicts.of(question).label();

        assertThat(first).isEqualTo(Label.QUESTION);
        assertThat(again).isEqualTo(Label.QUESTION);
        assertThat(classified).containsExactly("how do I join?");
    }

    @Test
    void classifiesEachNewMessageAfresh() {
        verdicts.of(message("m1", "how do I join?"));

        Label next = verdicts.of(message("m2", "good morning")).label();

        assertThat(next).isEqualTo(Label.NORMAL);
        assertThat(classified).containsExactly("how do I join?", "good morning");
    }

    @Test
    void classifiesMessagesOnOtherThreadsForThemselves() throws InterruptedException {
        MessageReceived question = message("m1", "how do I join?");
        verdicts.of(question);
        List<Label> seen = new ArrayList<>();
        Thread other = new Thread(() -> seen.add(verdicts.of(message("m2", "good morning")).label()));
        other.start();
        other.join();

        Label again = verdicts.of(question).label();

        assertThat(seen).containsExactly(Label.NORMAL);
        assertThat(again).isEqualTo(Label.QUESTION);
        assertThat(classified).containsExactly("how do I join?", "good morning");
    }
}
