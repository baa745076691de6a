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

    @Override
    public String toString() {
        return key();
    }
}
