package dev.qunguan.adapter;

import dev.qunguan.action.Reply;
import dev.qunguan.outbound.SendLimiter;

/**
 * One webhook endpoint of a platform. {@link #decode} runs on the network thread, so it only verifies
 * and parses; {@link #acknowledge} runs once the events are handled.
 */
public interface WebhookRoute {
    /** The request path, such as {@code /webhook/onebot}. */
    String path();

    /** Verifies the signature over the raw body and decodes it. Never throws on bad input. */
    Inbound decode(WebhookRequest request);

    /**
     * Builds the HTTP answer. A platform that accepts an inline reply may put some of {@code reply}'s
     * messages there (asking {@code limiter} first); the rest is returned to be sent by API.
     */
    Acknowledgement acknowledge(Inbound.Accepted accepted, Reply reply, SendLimiter limiter);
}
