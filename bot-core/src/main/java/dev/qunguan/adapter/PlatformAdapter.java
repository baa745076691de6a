package dev.qunguan.adapter;

import dev.qunguan.action.Action;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Everything qunguan knows about one platform: its webhook routes and how to carry out actions. */
public interface PlatformAdapter {
    /** The platform name used in {@link dev.qunguan.event.ChatRef#platform()}, such as {@code onebot}. */
    String platform();

    List<WebhookRoute> routes();

    /**
     * Carries out the action through the platform's API, once (retrying is the outbox's job). A failure
     * that {@link #isPermanent} accepts is given up; any other counts as transient and is tried again later.
     */
    CompletionStage<Void> perform(Action action);

    /**
     * True when a failure of {@link #perform} means the action can never succeed, so it is given up rather
     * than retried. By default only {@link ActionRefused}; an adapter with its own exceptions says which.
     */
    default boolean isPermanent(Throwable failure) {
        return failure instanceof ActionRefused;
    }
}
