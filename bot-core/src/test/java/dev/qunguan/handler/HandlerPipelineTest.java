package dev.qunguan.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MemberJoined;
import dev.qunguan.event.UserRef;
import dev.qunguan.message.Message;
import dev.qunguan.script.ChatScript;
import dev.qunguan.script.ChatSettings;
import dev.qunguan.script.ScriptFaq;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class HandlerPipelineTest {
    private static final ChatRef CHAT = ChatRef.of("test", "1");

    @Test
    void runsHandlersInDeclaredOrderUntilOneAnswers() {
        List<String> seen = new ArrayList<>();
        Handler first = chain -> {
            seen.add("first");
            return chain.proceed();
        };
        Handler answering = chain -> {
            seen.add("answering");
            return Reply.of(new SendMessage(CHAT, Message.text("hi")));
        };
        Handler never = chain -> {
            seen.add("never");
            return chain.proceed();
        };

        Reply reply = HandlerPipeline.of(List.of(first, answering, never)).handle(joined(), context());

        assertThat(seen).containsExactly("first", "answering");
        assertThat(reply.actions()).hasSize(1);
    }

    @Test
    void skipsAHandlerThatThrowsAndRunsTheRest() {
        Handler broken = chain -> {
            throw new IllegalStateException("boom");
        };
        Handler answering = chain -> Reply.of(new SendMessage(CHAT, Message.text("still here")));

        Reply reply = HandlerPipeline.of(List.of(broken, answering)).handle(joined(), context());

        assertThat(reply.actions()).containsExactly(new SendMessage(CHAT, Message.text("still here")));
    }

    private static MemberJoined joined() {
        return new MemberJoined(EventId.of("e1"), CHAT, UserRef.member("7", "小明"), Instant.EPOCH);
    }

    private static EventContext context() {
        ChatScript script = new ChatScript() {
            @Override
            public ChatSettings settings() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String render(String key, Map<String, String> variables) {
                return key;
            }

            @Override
            public dev.qunguan.message.Message renderMessage(String key, Map<String, String> variables,
                    Map<String, List<dev.qunguan.message.Segment.Mention>> mentions) {
                return dev.qunguan.message.Message.text(key);
            }

            @Override
            public String template(String key) {
                return key;
            }

            @Override
            public String rules() {
                return "";
            }

            @Override
            public List<ScriptFaq> faq() {
                return List.of();
            }
        };
        return new EventContext(EventId.of("test-event"), CHAT, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), script, Set.of(), Timers.none());
    }
}
