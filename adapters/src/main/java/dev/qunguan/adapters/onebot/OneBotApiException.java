package dev.qunguan.adapters.onebot;

import org.jspecify.annotations.Nullable;

/**
 * A OneBot API call that failed: refused, answered {@code status: failed}, or out of retries.
 * {@link #permanent()} tells whether trying again later can help.
 */
final class OneBotApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    OneBotApiException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    OneBotApiException(String message, @Nullable Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** True when the implementation refused the call for good (bad request, no such group, no right). */
    boolean permanent() {
        return permanent;
    }
}
