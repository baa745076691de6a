package dev.qunguan.event;

import java.util.Objects;

/** A group chat on one platform, such as QQ group 123456 on {@code onebot}. */
public record ChatRef(String platform, String chatId) {
    /**
     * Recently made chats, by hash: every event names its chat anew, and the bot's member caches keep the
     * chat of each member they hold, so sharing one instance per chat saved ~70 bytes a cached member (6 MB
     * under the benchmark). Lossy and bounded: a slot simply holds the last chat that hashed to it.
     */
    private static final ChatRef[] SHARED = new ChatRef[4_096];

    public ChatRef {
        requireText(platform, "platform");
        requireText(chatId, "chatId");
    }

    /** The chat, as the instance already in use for it when there is one. */
    public static ChatRef of(String platform, String chatId) {
        int slot = spread(platform, chatId) >>> 20; // top 12 bits
        ChatRef shared = SHARED[slot];
        if (shared != null && shared.chatId.equals(chatId) && shared.platform.equals(platform)) {
            return shared;
        }
        ChatRef made = new ChatRef(platform, chatId);
        SHARED[slot] = made; // a race only costs a later event its sharing: a record is safely published
        return made;
    }

    /** A stable single-string key, {@code platform:chatId}, for maps, logs and file names. */
    public String key() {
        return platform + ":" + chatId;
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + ": blank (expected: non-blank)");
        }
    }

    /**
     * Spread over all 32 bits. Chat ids are mostly runs of digits whose string hashes differ by small
     * steps, and keys that pair a chat with a member id summed them into the same small range (the
     * record default, 31 × chat + member), so per-member maps of busy nodes degraded into tree bins.
     */
    @Override
    public int hashCode() {
        return spread(platform, chatId);
    }

    private static int spread(String platform, String chatId) {
        return chatId.hashCode() * 0x9E3779B1 + platform.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChatRef that && chatId.equals(that.chatId) && platform.equals(that.platform);
    }

    @Override
    public String toString() {
        return key();
    }
}
