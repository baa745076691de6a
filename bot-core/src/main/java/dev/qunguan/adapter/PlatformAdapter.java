package dev.qunguan.adapter;

import dev.qunguan.action.Action;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Everything qunguan knows about one platform: its webhook routes and how to carry out actions. */
public interface PlatformAdapter {
    /** The platform name used in {@link dev.qunguan.event.ChatRef#platform()}, such as {@code onebot}. */
    String platform();

    List<WebhookRoute> routes();

    /** Carries out the action through the platform's API, retrying transient failures. */
    CompletionStage<Void> perform(Action action);
}
