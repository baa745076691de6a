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
    void keepsOnlyTheLatestMessagesOfAChat() {
        RecentMessages recent = RecentMessages.create();
        for (int n = 1; n <= RecentMessages.PER_CHAT + 5; n++) {
            recent.remember(message("g1", n));
        }

        assertThat(recent.find(ChatRef.of("test", "g1"), "m5")).isEmpty();
        assertThat(recent.find(ChatRef.of("test", "g1"), "m6")).isPresent();
        assertThat(recent.find(ChatRef.of("test", "g1"), "m" + (RecentMessages.PER_CHAT + 5))).isPresent();
    }

    @Test
    void holdsNoMoreMessagesAcrossChatsThanItsOverallBound() {
        RecentMessages recent = RecentMessages.holding(1_000);
        for (int chat = 0; chat < 40; chat++) {
            for (int n = 1; n <= 100; n++) {
                recent.remember(message("g" + chat, n));
            }
        }

        int kept = 0;
        for (int chat = 0; chat < 40; chat++) {
            for (int n = 1; n <= 100; n++) {
                kept += recent.find(ChatRef.of("test", "g" + chat), "m" + n).isPresent() ? 1 : 0;
            }
        }

        assertThat(kept).isBetween(100, 1_000);
    }
}
