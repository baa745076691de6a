package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.util.Objects;

/** One member of one chat: the key of their history. */
record ChatMember(ChatRef chat, String userId) {
    ChatMember {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(userId, "userId");
    }
}
