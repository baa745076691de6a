package dev.qunguan.outbound;

import dev.qunguan.event.ChatRef;

/** Paces the bot's messages per chat so a busy group does not get the bot rate-limited or banned. */
public interface SendLimiter {
    /** Takes one message slot for the chat now; false when the chat's budget is used up. */
    boolean tryAcquire(ChatRef chat);
}
