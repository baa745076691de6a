package dev.qunguan.adapters.onebot;

import static dev.qunguan.adapters.onebot.OneBotRequests.CLOCK;
import static dev.qunguan.adapters.onebot.OneBotRequests.config;
import static dev.qunguan.adapters.onebot.OneBotRequests.golden;
import static dev.qunguan.adapters.onebot.OneBotRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookRequest;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.event.BotAddedToChat;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.Event;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MemberJoined;
import dev.qunguan.event.MemberLeft;
import dev.qunguan.event.MessageRecalled;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.event.Role;
import dev.qunguan.event.UserRef;
import dev.qunguan.message.Segment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class OneBotEventDecoderTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "736281945");

    private final OneBotAdapter adapter = OneBotAdapter.create(config("", false), CLOCK);
    private final WebhookRoute route = adapter.routes().getFirst();

    @Test
    void servesOneRouteAtTheOneBotWebhookPath() {
        assertThat(adapter.platform()).isEqualTo("onebot");
        assertThat(adapter.routes()).singleElement().extracting(WebhookRoute::path).isEqualTo("/webhook/onebot");
    }

    @Test
    void decodesACqCodeStringMentioningTheBotWithEscapesUndone() {
        MessageReceived message = single(golden("group-message-string"), MessageReceived.class);

        assertThat(message.id()).isEqualTo(EventId.of("onebot:10001000:msg:-2147480001"));
        assertThat(message.chat()).isEqualTo(GROUP);
        assertThat(message.ref()).isEqualTo(MessageRef.of("-2147480001"));
        assertThat(message.at()).isEqualTo(Instant.ofEpochSecond(1715331200));
        assertThat(message.message().mentionsBot()).isTrue();
        assertThat(message.message().segments()).containsExactly(
                new Segment.Mention("10001000", "10001000", true),
                new Segment.Text(" 明天 [周六] 还开会吗, A&B 组都要来？"));
        assertThat(message.text()).isEqualTo("明天 [周六] 还开会吗, A&B 组都要来？");
    }

    @Test
    void namesTheSenderByGroupCardBeforeNickname() {
        MessageReceived message = single(golden("group-message-string"), MessageReceived.class);

        assertThat(message.sender()).isEqualTo(new UserRef("2233445566", "运营-小王", Role.ADMIN));
    }

    @Test
    void decodesASegmentArrayWithQuoteMentionsAndImage() {
        MessageReceived message = single(golden("group-message-array"), MessageReceived.class);

        assertThat(message.id()).isEqualTo(EventId.of("onebot:10001000:msg:1820442371"));
        assertThat(message.message().segments()).containsExactly(
                new Segment.Quote("1820442300"),
                new Segment.Mention("10001000", "群助手", true),
                new Segment.Text(" "),
                new Segment.Mention("4455667788", "新来的", false),
                new Segment.Text(" 看一下置顶 [不用转义]"),
                new Segment.Image("https://multimedia.nt.qq.com.cn/download?appid=1407&fileid=EhQ"));
        assertThat(message.message().quotedMessageId()).contains("1820442300");
        assertThat(message.message().mentionedMembers()).extracting(Segment.Mention::userId)
                .containsExactly("4455667788");
    }

    @Test
    void namesTheSenderByNicknameWhenTheCardIsEmpty() {
        MessageReceived message = single(golden("group-message-array"), MessageReceived.class);

        assertThat(message.sender()).isEqualTo(new UserRef("3456789012", "群主大人", Role.OWNER));
    }

    @Test
    void fallsBackToTheUserIdWhenCardAndNicknameAreBlank() {
        MessageReceived message = single(golden("group-message-at-all"), MessageReceived.class);

        assertThat(message.sender()).isEqualTo(new UserRef("5566778899", "5566778899", Role.MEMBER));
    }

    @Test
    void decodesAtAllAsAMentionOfEveryoneAndSkipsFaces() {
        MessageReceived message = single(golden("group-message-at-all"), MessageReceived.class);

        assertThat(message.message().segments())
                .containsExactly(new Segment.MentionAll(), new Segment.Text(" 今晚八点直播"));
        assertThat(message.message().mentionsBot()).isFalse();
    }

    @Test
    void namesAnAnonymousSenderByTheirAnonymousNameAsAMember() {
        MessageReceived message = single(golden("group-message-anonymous"), MessageReceived.class);

        assertThat(message.sender()).isEqualTo(new UserRef("80000000", "大力水手", Role.MEMBER));
        assertThat(message.text()).isEqualTo("有人在吗");
    }

    @Test
    void readsIdsSentAsNumericStringsIncludingGroupNumbersBeyondInt() {
        MessageReceived message = single(golden("group-message-string-ids"), MessageReceived.class);

        assertThat(message.chat()).isEqualTo(ChatRef.of("onebot", "1098765432123"));
        assertThat(message.sender().id()).isEqualTo("9988776655443");
        assertThat(message.id()).isEqualTo(EventId.of("onebot:10001000:msg:987654321"));
        assertThat(message.at()).isEqualTo(Instant.ofEpochSecond(1715331500));
        assertThat(message.message().mentionsBot()).as("qq sent as a JSON number").isTrue();
    }

    @Test
    void keepsTheEventIdOfARedeliveredMessage() {
        Event first = single(golden("group-message-array"), MessageReceived.class);
        Event again = single(golden("group-message-array"), MessageReceived.class);

        assertThat(again.id()).isEqualTo(first.id());
    }

    @Test
    void decodesAJoinAsMemberJoinedNamedByUserId() {
        MemberJoined joined = single(golden("notice-group-increase"), MemberJoined.class);

        assertThat(joined).isEqualTo(new MemberJoined(
                EventId.of("onebot:10001000:group_increase:736281945:6677889900:1715332000"), GROUP,
                UserRef.member("6677889900", "6677889900"), Instant.ofEpochSecond(1715332000)));
    }

    @Test
    void decodesTheBotJoiningAGroupAsBotAddedToChat() {
        BotAddedToChat added = single(golden("notice-group-increase-bot"), BotAddedToChat.class);

        assertThat(added.chat()).isEqualTo(ChatRef.of("onebot", "812345678"));
        assertThat(added.at()).isEqualTo(Instant.ofEpochSecond(1715332100));
    }

    @Test
    void decodesALeaveAsNotRemoved() {
        MemberLeft left = single(golden("notice-group-decrease-leave"), MemberLeft.class);

        assertThat(left.member().id()).isEqualTo("6677889900");
        assertThat(left.removed()).isFalse();
        assertThat(left.id()).isEqualTo(EventId.of("onebot:10001000:group_decrease:736281945:6677889900:1715332200"));
    }

    @Test
    void decodesAKickAsRemoved() {
        MemberLeft left = single(golden("notice-group-decrease-kick"), MemberLeft.class);

        assertThat(left.member().id()).isEqualTo("7788990011");
        assertThat(left.removed()).isTrue();
    }

    @Test
    void decodesARecallWithAuthorOperatorAndMessageId() {
        MessageRecalled recalled = single(golden("notice-group-recall"), MessageRecalled.class);

        assertThat(recalled).isEqualTo(new MessageRecalled(
                EventId.of("onebot:10001000:group_recall:736281945:2233445566:1715332500:1820442371"), GROUP,
                MessageRef.of("1820442371"), "2233445566", "3456789012", Instant.ofEpochSecond(1715332500)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "group-message-own", "group-message-system-notice", "private-message", "message-sent",
        "notice-group-decrease-kick-me", "notice-group-ban", "notice-poke",
        "meta-heartbeat", "meta-lifecycle", "request-group-add"})
    void answersReportsWithNothingToHandleWith204(String payload) {
        Inbound inbound = route.decode(post(golden(payload)));

        assertThat(inbound).isInstanceOfSatisfying(Inbound.Answered.class, answered ->
                assertThat(answered.response().status()).isEqualTo(204));
    }

    @Test
    void acceptsAMinimalGroupMessageWithoutSenderDetails() {
        MessageReceived message = single(("{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\","
                + "\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":\"hi\"}").getBytes(StandardCharsets.UTF_8),
                MessageReceived.class);

        assertThat(message.sender()).isEqualTo(new UserRef("3", "3", Role.MEMBER));
        assertThat(message.text()).isEqualTo("hi");
    }

    @Test
    void readsAFieldGivenTwiceAsGivenLastAndSkipsFieldsItDoesNotUse() {
        MessageReceived message = single(("{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\","
                + "\"extra\":{\"nested\":[1,{\"message\":\"not this one\"}],\"user_id\":9},\"raw_message\":\"x\","
                + "\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":\"first\",\"message\":\"second\","
                + "\"sender\":{\"card\":\"甲\",\"age\":{\"x\":1}},\"sender\":{\"nickname\":\"乙\",\"role\":\"admin\"}}")
                .getBytes(StandardCharsets.UTF_8), MessageReceived.class);

        assertThat(message.text()).isEqualTo("second");
        assertThat(message.sender()).isEqualTo(new UserRef("3", "乙", Role.ADMIN));
    }

    @Test
    void readsSegmentDataSentAsNumbersAndTheTypeAfterTheData() {
        MessageReceived message = single(("{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\","
                + "\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":["
                + "{\"data\":{\"qq\":1,\"name\":null},\"type\":\"at\"},{\"type\":\"reply\",\"data\":{\"id\":77}},"
                + "{\"type\":\"text\",\"data\":{\"text\":[\"not text\"]}},{\"type\":\"text\",\"data\":{\"text\":\"在吗\"}}]}")
                .getBytes(StandardCharsets.UTF_8), MessageReceived.class);

        assertThat(message.message().segments()).containsExactly(
                new Segment.Mention("1", "1", true), new Segment.Quote("77"), new Segment.Text("在吗"));
    }

    @Test
    void ignoresAPrivateMessageWhoseContentItWouldRefuseInAGroup() {
        Inbound inbound = route.decode(post("{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"private\","
                + "\"message_id\":2,\"user_id\":3,\"message\":[42]}"));

        assertThat(inbound).isInstanceOfSatisfying(Inbound.Answered.class, answered ->
                assertThat(answered.response().status()).isEqualTo(204));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[1,2,3]",
        "{\"post_type\":\"meta_event\"} {}",
        "{\"post_type\":\"meta_event\",\"x\":[1,2}",
        "{\"post_type\":\"meta_event\",\"x\":[1,2",
        "\"group\"",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\"} trailing",
        "{\"time\":1715331200,\"self_id\":10001000}",
        "{\"post_type\":42}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\"}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"user_id\":3,\"message\":\"hi\"}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":{},\"user_id\":3,\"message\":\"hi\"}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":\"g\",\"user_id\":3,\"message\":\"hi\"}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":42}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":4,\"user_id\":3}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":[{\"data\":{}}]}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":[\"hi\"]}",
        "{\"time\":1.5,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":\"hi\"}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":99999999999999999999,\"user_id\":3,\"message\":\"hi\"}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"notice\",\"notice_type\":\"group_increase\",\"user_id\":3}",
        "{\"time\":1,\"self_id\":1,\"post_type\":\"notice\",\"notice_type\":\"group_recall\",\"group_id\":4,\"user_id\":3}",
        "{\"self_id\":1,\"post_type\":\"notice\",\"notice_type\":\"group_decrease\",\"group_id\":4,\"user_id\":3}"})
    void refusesMalformedReportsWith400(String body) {
        Inbound inbound = route.decode(post(body));

        assertThat(inbound).isInstanceOfSatisfying(Inbound.Rejected.class, rejected -> {
            assertThat(rejected.response().status()).isEqualTo(400);
            assertThat(new String(rejected.response().body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"error\":\"malformed\"}");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"time\":9223372036854775807,\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":\"hi\"}",
        "{\"time\":\"31556889864403200\",\"self_id\":1,\"post_type\":\"message\",\"message_type\":\"group\",\"message_id\":2,\"group_id\":4,\"user_id\":3,\"message\":\"hi\"}",
        "{\"time\":253402300800,\"self_id\":1,\"post_type\":\"notice\",\"notice_type\":\"group_increase\",\"group_id\":4,\"user_id\":3}",
        "{\"time\":-9223372036854775808,\"self_id\":1,\"post_type\":\"notice\",\"notice_type\":\"group_recall\",\"group_id\":4,\"user_id\":3,\"message_id\":5}"})
    void refusesATimeNoDateCanHoldWith400InsteadOfThrowing(String body) {
        // Found by OneBotDecoderFuzzTest: Instant.ofEpochSecond threw out of decode() and the server answered 500.
        Inbound inbound = route.decode(post(body));

        assertThat(inbound).isInstanceOfSatisfying(Inbound.Rejected.class, rejected ->
                assertThat(rejected.response().status()).isEqualTo(400));
    }

    @Test
    void refusesMethodsOtherThanPostWith405() {
        WebhookRequest get = new WebhookRequest("GET", "/webhook/onebot", Map.of(), Map.of(), new byte[0]);

        assertThat(route.decode(get)).isInstanceOfSatisfying(Inbound.Rejected.class, rejected ->
                assertThat(rejected.response().status()).isEqualTo(405));
    }

    private <T extends Event> T single(byte[] body, Class<T> type) {
        Inbound inbound = route.decode(post(body));
        assertThat(inbound).isInstanceOf(Inbound.Accepted.class);
        Inbound.Accepted accepted = (Inbound.Accepted) inbound;
        assertThat(accepted.events()).singleElement().isInstanceOf(type);
        return type.cast(accepted.events().getFirst());
    }
}
