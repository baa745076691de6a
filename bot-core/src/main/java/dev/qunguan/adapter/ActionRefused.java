package dev.qunguan.adapter;

import org.jspecify.annotations.Nullable;

/**
 * The platform refused an action for good (the group does not exist, the bot lacks the right, the request
 * is malformed): trying again cannot help. An adapter fails {@link PlatformAdapter#perform} with this only
 * when it is sure; anything else is taken as transient and retried.
 */
public final class ActionRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActionRefused(String message) {
        super(message);
    }

    public ActionRefused(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
