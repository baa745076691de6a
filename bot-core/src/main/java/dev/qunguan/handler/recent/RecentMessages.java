package dev.qunguan.handler.recent;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.slots.ChatSlots;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The latest messages the bot saw, by chat and message id, in memory only: platforms quote a message by
 * id, and admins correct or teach by replying to recent messages. One table of {@link #MESSAGES} slots
 * serves all chats, and a new message takes the place of an old one that nobody looked up since, so
 * every chat keeps its own latest messages however many groups the bot is in, and memory stays bounded.
 * (Holding whole chats up to a total instead meant that, past a few hundred busy groups, a chat lost all
 * its messages at once whenever it was the least recently used one, and the cache spent its time weighing
 * and evicting chats.) Thread-safe.
 */
public final class RecentMessages {
    /**
     * About 10 MB of messages when full (~330 bytes each with their ids, author and text): a few minutes of a
     * thousand busy groups, or days of a quiet one.
     */
    static final int MESSAGES = 32_768;

    private final ChatSlots slots;
    // Columns by slot, written and read under the slot's lock. A slot's message belongs to its chat only
    // when both match: a slot taken over keeps the previous chat's values until it is written.
    private final @Nullable ChatRef[] chats;
    private final @Nullable RecentMessage[] messages;

    private RecentMessages(int messages) {
        this.slots = ChatSlots.holding(messages);
        this.chats = new ChatRef[slots.capacity()];
        this.messages = new RecentMessage[slots.capacity()];
    }

    public static RecentMessages create() {
        return new RecentMessages(MESSAGES);
    }

    /** With a smaller table, for tests. */
    static RecentMessages holding(int messages) {
        return new RecentMessages(messages);
    }

    public void remember(MessageReceived message) {
        String id = message.ref().id();
        long key = ChatSlots.keyOf(message.chat(), id);
        RecentMessage seen = new RecentMessage(id, message.sender(), message.text(), message.at(), false);
        synchronized (slots.lockFor(key)) {
            int slot = slots.claim(key);
            if (slot < 0) {
                slot = ~slot;
            }
            chats[slot] = message.chat();
            messages[slot] = seen;
        }
    }

    public Optional<RecentMessage> find(ChatRef chat, String messageId) {
        long key = ChatSlots.keyOf(chat, messageId);
        synchronized (slots.lockFor(key)) {
            int slot = held(key, chat, messageId);
            return slot < 0 ? Optional.empty() : Optional.ofNullable(messages[slot]);
        }
    }

    /** Notes that moderation deleted the message, so a later correction does not act on it twice. */
    public void markModerated(ChatRef chat, String messageId) {
        long key = ChatSlots.keyOf(chat, messageId);
        synchronized (slots.lockFor(key)) {
            int slot = held(key, chat, messageId);
            RecentMessage seen = slot < 0 ? null : messages[slot];
            if (seen != null) {
                messages[slot] = seen.asModerated();
            }
        }
    }

    /** The slot holding this chat's message, or -1; the caller holds the key's lock. */
    private int held(long key, ChatRef chat, String messageId) {
        int slot = slots.find(key);
        if (slot < 0) {
            return -1;
        }
        RecentMessage seen = messages[slot];
        // the 64-bit key all but proves it; comparing costs little and rules out a collision
        return chat.equals(chats[slot]) && seen != null && seen.messageId().equals(messageId) ? slot : -1;
    }
}
