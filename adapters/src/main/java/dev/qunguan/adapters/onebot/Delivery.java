package dev.qunguan.adapters.onebot;

import dev.qunguan.event.ChatRef;
import java.util.Objects;

/** What the decoder notes about an accepted request for {@link QuickOperation} to answer it. */
sealed interface Delivery {
    ChatRef chat();

    /** A member's group message: the only event a quick-operation reply can answer. */
    record GroupMessage(ChatRef chat, String messageId) implements Delivery {
        public GroupMessage {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** A group notice (join, leave, recall); answered with 204, everything goes by API. */
    record GroupNotice(ChatRef chat, String noticeType) implements Delivery {
        public GroupNotice {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(noticeType, "noticeType");
        }
    }
}
