package dev.qunguan.adapters.onebot;

import org.jspecify.annotations.Nullable;

/** A OneBot API call that failed for good: refused, answered {@code status: failed}, or out of retries. */
final class OneBotApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OneBotApiException(String message) {
        super(message);
    }

    OneBotApiException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
