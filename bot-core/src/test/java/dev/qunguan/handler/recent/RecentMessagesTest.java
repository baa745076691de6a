package dev.qunguan.handler.recent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.event.UserRef;
import dev.qunguan.message.Message;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class RecentMessagesTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private static MessageReceived message(String chat, int n) {
        return new MessageReceived(EventId.of(chat + "-e" + n), ChatRef.of("test", chat),
                UserRef.member("u" + n, "Ann"), MessageRef.of("m" + n), Message.text("message " + n), AT);
    }

    @Test
    void findsARecentMessageOfTheChatByItsId() {
        RecentMessages recent = RecentMessages.create();
        recent.remember(message("g1", 1));

        assertThat(recent.find(ChatRef.of("test", "g1"), "m1")).get()
                .satisfies(found -> assertThat(found.text()).isEqualTo("message 1"));
        assertThat(recent.find(ChatRef.of("test", "g2"), "m1")).isEmpty();
        assertThat(recent.find(ChatRef.of("test", "g1"), "m2")).isEmpty();
    }

    @Test
    void keepsTheLatestMessagesOfAChatThatOutgrowsTheTable() {
        RecentMessages recent = RecentMessages.holding(1_024);
        for (int n = 1; n <= 5_000; n++) {
            recent.remember(message("g1", n));
        }

        assertThat(recent.find(ChatRef.of("test", "g1"), "m1")).isEmpty();
        assertThat(recent.find(ChatRef.of("test", "g1"), "m5000")).isPresent();
        assertThat(kept(recent, "g1", 4_901, 5_000)).as("of the last 100").isGreaterThanOrEqualTo(95);
    }

    @Test
    void everyChatKeepsItsLatestMessagesWhenMoreChatsTalkThanTheTableHolds() {
        RecentMessages recent = RecentMessages.holding(1_024);
        // 200 chats take turns, 50 messages each: ten times what the table holds
        for (int n = 1; n <= 50; n++) {
            for (int chat = 0; chat < 200; chat++) {
                recent.remember(message("g" + chat, n));
            }
        }

        for (int chat = 0; chat < 200; chat++) {
            assertThat(kept(recent, "g" + chat, 49, 50)).as("chat g" + chat + "'s last two").isGreaterThanOrEqualTo(1);
        }
        int total = 0;
        for (int chat = 0; chat < 200; chat++) {
            total += kept(recent, "g" + chat, 1, 50);
        }
        assertThat(total).isBetween(700, 1_024);
    }

    @Test
    void aModeratedMessageIsMarkedOnlyInItsOwnChat() {
        RecentMessages recent = RecentMessages.create();
        recent.remember(message("g1", 1));
        recent.remember(message("g2", 1));

        recent.markModerated(ChatRef.of("test", "g1"), "m1");
        recent.markModerated(ChatRef.of("test", "g1"), "m404");

        assertThat(recent.find(ChatRef.of("test", "g1"), "m1")).get()
                .satisfies(m -> assertThat(m.moderated()).isTrue());
        assertThat(recent.find(ChatRef.of("test", "g2"), "m1")).get()
                .satisfies(m -> assertThat(m.moderated()).isFalse());
        assertThat(recent.find(ChatRef.of("test", "g1"), "m404")).isEmpty();
    }

    private static int kept(RecentMessages recent, String chat, int from, int to) {
        int kept = 0;
        for (int n = from; n <= to; n++) {
            kept += recent.find(ChatRef.of("test", chat), "m" + n).isPresent() ? 1 : 0;
        }
        return kept;
    }
}
