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
 * message by id, and admins correct or teach by replying to recent messages. Idle chats are forgotten, and
 * all chats together hold at most {@link #MESSAGES} messages (the chats least used go first), so memory
 * stays bounded however many groups the bot is in. Thread-safe.
 */
public final class RecentMessages {
    public static final int PER_CHAT = 200;
    /**
     * About 10 MB of messages (~330 bytes each with their ids, author and text): 150 full chats, or a few
     * minutes of a thousand busy ones. Bounding chats alone (2,000 of 200) allowed 400,000, more than the
     * whole default heap; 60,000 held a fifth of the service's heap cap live and left the young collections
     * too little room.
     */
    static final int MESSAGES = 30_000;
    static final Duration IDLE = Duration.ofDays(2);
    private static final int REWEIGH_EVERY = 16;

    private final Cache<ChatRef, Map<String, RecentMessage>> chats;

    private RecentMessages(int messages) {
        this.chats = Caffeine.newBuilder()
                .executor(Runnable::run) // cache upkeep on the caller: waking the common pool cost more than it
                .maximumWeight(messages)
                .weigher((ChatRef chat, Map<String, RecentMessage> recent) -> weightOf(recent))
                .expireAfterAccess(IDLE)
                .build();
    }

    public static RecentMessages create() {
        return new RecentMessages(MESSAGES);
    }

    /** With a smaller overall bound, for tests. */
    static RecentMessages holding(int messages) {
        return new RecentMessages(messages);
    }

    public void remember(MessageReceived message) {
        Map<String, RecentMessage> recent = chats.get(message.chat(), chat -> newChat());
        boolean reweigh;
        synchronized (recent) {
            int before = recent.size();
            recent.put(message.ref().id(), new RecentMessage(message.ref().id(), message.sender(), message.text(),
                    message.at(), false));
            reweigh = recent.size() > before && recent.size() % REWEIGH_EVERY == 0;
        }
        if (reweigh) {
            // a cache weighs an entry when it is stored: store the chat again so its new size counts (a chat's
            // events are handled one at a time, so nothing else stores this chat meanwhile)
            chats.put(message.chat(), recent);
        }
    }

    /**
     * A chat weighs what it holds plus the messages it may take before it is weighed again, so the overall
     * bound holds between weighings; weighing on every new message cost a cache write per message.
     */
    private static int weightOf(Map<String, RecentMessage> recent) {
        synchronized (recent) {
            return Math.min(PER_CHAT, recent.size() - recent.size() % REWEIGH_EVERY + REWEIGH_EVERY);
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
