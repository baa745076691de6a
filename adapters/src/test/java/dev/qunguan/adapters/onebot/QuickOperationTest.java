package dev.qunguan.adapters.onebot;

import static dev.qunguan.adapters.onebot.OneBotRequests.CLOCK;
import static dev.qunguan.adapters.onebot.OneBotRequests.config;
import static dev.qunguan.adapters.onebot.OneBotRequests.golden;
import static dev.qunguan.adapters.onebot.OneBotRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.adapter.Acknowledgement;
import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.outbound.SendLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class QuickOperationTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "736281945");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SendMessage WARNING = new SendMessage(GROUP,
            Message.of(new Segment.Mention("2233445566", "运营-小王", false), new Segment.Text(" 请勿发广告")));
    private static final DeleteMessage DELETE = new DeleteMessage(GROUP, MessageRef.of("-2147480001"));
    private static final MuteMember MUTE = new MuteMember(GROUP, "2233445566", Duration.ofMinutes(10));
    private static final RemoveMember REMOVE = new RemoveMember(GROUP, "2233445566");

    private final List<ChatRef> limiterAsked = new ArrayList<>();

    @Test
    void answersTheLeadingMessageInlineWithAtSenderSpelledOut() throws Exception {
        Acknowledgement ack = acknowledge(true, groupMessage(true), Reply.of(WARNING), allowing(true));

        assertThat(ack.response().status()).isEqualTo(200);
        assertThat(ack.response().contentType()).startsWith("application/json");
        assertThat(JSON.readTree(ack.response().body())).isEqualTo(JSON.readTree("""
                {"reply":[{"type":"at","data":{"qq":"2233445566"}},{"type":"text","data":{"text":" 请勿发广告"}}],
                 "auto_escape":false,"at_sender":false}"""));
        assertThat(ack.viaApi().isEmpty()).isTrue();
    }

    @Test
    void asksTheLimiterForTheChatBeforeAnsweringInline() {
        acknowledge(true, groupMessage(true), Reply.of(WARNING), allowing(true));

        assertThat(limiterAsked).containsExactly(GROUP);
    }

    @Test
    void sendsModerationByApiEvenWhenTheMessageGoesInline() {
        Acknowledgement ack = acknowledge(true, groupMessage(true), Reply.of(WARNING, DELETE, MUTE, REMOVE), allowing(true));

        assertThat(ack.response().status()).isEqualTo(200);
        assertThat(new String(ack.response().body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("delete", "ban", "kick");
        assertThat(ack.viaApi().actions()).containsExactly(DELETE, MUTE, REMOVE);
    }

    @Test
    void keepsEverythingOnTheApiWhenModerationComesFirst() {
        Reply reply = Reply.of(DELETE, WARNING);

        Acknowledgement ack = acknowledge(true, groupMessage(true), reply, allowing(true));

        assertThat(ack.response().status()).isEqualTo(204);
        assertThat(ack.viaApi()).isEqualTo(reply);
        assertThat(limiterAsked).isEmpty();
    }

    @Test
    void keepsEverythingOnTheApiWhenTheLimiterRefuses() {
        Reply reply = Reply.of(WARNING, MUTE);

        Acknowledgement ack = acknowledge(true, groupMessage(true), reply, allowing(false));

        assertThat(ack.response().status()).isEqualTo(204);
        assertThat(ack.viaApi()).isEqualTo(reply);
        assertThat(limiterAsked).containsExactly(GROUP);
    }

    @Test
    void keepsEverythingOnTheApiWhenQuickOperationIsOff() {
        Reply reply = Reply.of(WARNING, DELETE);

        Acknowledgement ack = acknowledge(false, groupMessage(false), reply, allowing(true));

        assertThat(ack.response().status()).isEqualTo(204);
        assertThat(ack.viaApi()).isEqualTo(reply);
        assertThat(limiterAsked).isEmpty();
    }

    @Test
    void keepsAMessageForAnotherChatOnTheApi() {
        Reply reply = Reply.of(new SendMessage(ChatRef.of("onebot", "812345678"), Message.text("跨群通知")));

        Acknowledgement ack = acknowledge(true, groupMessage(true), reply, allowing(true));

        assertThat(ack.response().status()).isEqualTo(204);
        assertThat(ack.viaApi()).isEqualTo(reply);
    }

    @Test
    void answersNoticesWithNoContentAndSendsTheWelcomeByApi() {
        WebhookRoute route = route(true);
        Inbound.Accepted joined = (Inbound.Accepted) route.decode(post(golden("notice-group-increase")));
        Reply welcome = Reply.of(new SendMessage(GROUP, Message.text("欢迎")));

        Acknowledgement ack = route.acknowledge(joined, welcome, allowing(true));

        assertThat(ack.response().status()).isEqualTo(204);
        assertThat(ack.viaApi()).isEqualTo(welcome);
        assertThat(limiterAsked).isEmpty();
    }

    @Test
    void answersNoContentWhenThereIsNothingToSay() {
        Acknowledgement ack = acknowledge(true, groupMessage(true), Reply.none(), allowing(true));

        assertThat(ack.response().status()).isEqualTo(204);
        assertThat(ack.viaApi().isEmpty()).isTrue();
    }

    private Acknowledgement acknowledge(boolean quickOperation, Inbound.Accepted accepted, Reply reply, SendLimiter limiter) {
        return route(quickOperation).acknowledge(accepted, reply, limiter);
    }

    private static Inbound.Accepted groupMessage(boolean quickOperation) {
        return (Inbound.Accepted) route(quickOperation).decode(post(golden("group-message-string")));
    }

    private static WebhookRoute route(boolean quickOperation) {
        return OneBotAdapter.create(config("", quickOperation), CLOCK).routes().getFirst();
    }

    private SendLimiter allowing(boolean allowed) {
        return chat -> {
            limiterAsked.add(chat);
            return allowed;
        };
    }
}
