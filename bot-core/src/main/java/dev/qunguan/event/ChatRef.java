package dev.qunguan.event;

import java.util.Objects;

/** A group chat on one platform, such as QQ group 123456 on {@code onebot}. */
public record ChatRef(String platform, String chatId) {
    public ChatRef {
        requireText(platform, "platform");
        requireText(chatId, "chatId");
    }

    public static ChatRef of(String platform, String chatId) {
        return new ChatRef(platform, chatId);
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
