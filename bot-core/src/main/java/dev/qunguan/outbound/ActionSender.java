package dev.qunguan.outbound;

import dev.qunguan.action.Reply;

/**
 * Hands actions to the platform adapters. Messages are paced per chat; when a chat's budget is used
 * up, queued messages for it are merged into one and sent when a slot frees. Moderation actions are not
 * paced. Never blocks the caller.
 */
public interface ActionSender extends SendLimiter, AutoCloseable {
    void send(Reply reply);

    @Override
    void close();
}
