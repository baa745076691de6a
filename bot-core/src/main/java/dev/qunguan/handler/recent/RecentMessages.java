package dev.qunguan.handler.recent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageReceived;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@link #PER_CHAT} messages of each chat, by message id, in memory only: platforms quote a
 * message by id, and admins correct or teach by replying to recent messages. Idle chats are forgotten and
 * at most {@link #CHATS} are kept, so memory stays bounded. Thread-safe.
 */
public final class RecentMessages {
    // 200 per chat keeps the worst case (every chat full) near 50 MB within the default 256 MB heap
    public static final int PER_CHAT = 200;
    static final int CHATS = 2_000;
    static final Duration IDLE = Duration.ofDays(2);

    // cache upkeep runs on the caller: waking the common pool for it cost more than the upkeep
    private final Cache<ChatRef, Map<String, RecentMessage>> chats =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(CHATS).expireAfterAccess(IDLE).build();

    private RecentMessages() {}

    public static RecentMessages create() {
        return new RecentMessages();
    }

    public void remember(MessageReceived message) {
        Map<String, RecentMessage> recent = chats.get(message.chat(), chat -> newChat());
        synchronized (recent) {
            recent.put(message.ref().id(), new RecentMessage(message.ref().id(), message.sender(), message.text(),
                    message.at(), false));
        }
    }

    public Optional<RecentMessage> find(ChatRef chat, String messageId) {
        Map<String, RecentMessage> recent = chats.getIfPresent(chat);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            return Optional.ofNullable(recent.get(messageId));
        }
    }

    /** Notes that moderation deleted the message, so a later correction does not act on it twice. */
    public void markModerated(ChatRef chat, String messageId) {
        Map<String, RecentMessage> recent = chats.getIfPresent(chat);
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            recent.computeIfPresent(messageId, (id, seen) ->
                    new RecentMessage(id, seen.author(), seen.text(), seen.at(), true));
        }
    }

    private static Map<String, RecentMessage> newChat() {
        return new LinkedHashMap<>(64, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RecentMessage> eldest) {
                return size() > PER_CHAT;
            }
        };
    }
}
