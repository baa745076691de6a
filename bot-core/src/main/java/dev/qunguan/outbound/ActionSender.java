package dev.qunguan.outbound;

import dev.qunguan.action.Reply;
import java.util.concurrent.CompletableFuture;

/**
 * Hands actions to the platform adapters. Messages are paced per chat; when a chat's budget is used
 * up, queued messages for it are merged into one and sent when a slot frees. Moderation actions are not
 * paced. Never blocks the caller.
 */
public interface ActionSender extends SendLimiter, AutoCloseable {
    /** Queues the reply's actions; what cannot be queued is logged and counted, never thrown. */
    void send(Reply reply);

    /**
     * Queues the reply's actions and completes once they are safe: for a durable sender, committed to the
     * outbox (so a crash cannot lose them); exceptionally when they could not be stored. A reply without
     * actions completes at once. This default keeps nothing, so it completes when {@link #send} returns.
     */
    default CompletableFuture<Void> enqueue(Reply reply) {
        send(reply);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    void close();
}
