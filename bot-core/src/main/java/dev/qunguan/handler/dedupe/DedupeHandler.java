package dev.qunguan.handler.dedupe;

import dev.qunguan.action.Reply;
import dev.qunguan.event.Event;
import dev.qunguan.event.TimerFired;
import dev.qunguan.handler.Handler;
import dev.qunguan.store.DeliveryLog;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets each platform delivery through once, on whichever node it arrives. The delivery is claimed before
 * the rest of the chain runs and completed only after it has answered, so a crash half-way leads to a
 * retry (once the claim lapses) rather than a lost event, and a copy arriving meanwhile on another node
 * waits for the outcome instead of being handled twice.
 */
public final class DedupeHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(DedupeHandler.class);

    private final DeliveryLog deliveries;

    private DedupeHandler(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    public static DedupeHandler of(DeliveryLog deliveries) {
        return new DedupeHandler(Objects.requireNonNull(deliveries, "deliveries"));
    }

    @Override
    public Reply handle(Chain chain) {
        Event event = chain.event();
        // Timers are raised inside the process, never redelivered by a platform.
        if (event instanceof TimerFired) {
            return chain.proceed();
        }
        String key = event.id().value();
        return switch (deliveries.claim(key, chain.ctx().now())) {
            case REPEATED -> {
                log.debug("dropping repeated delivery {} in chat {}", key, event.chat());
                yield Reply.none();
            }
            case IN_PROGRESS_ELSEWHERE -> {
                // Waited longer than the webhook's ack timeout, so its platform was already asked to retry.
                log.info("dropping delivery {} in chat {}: another node is still handling it", key, event.chat());
                yield Reply.none();
            }
            case CLAIMED -> {
                Reply reply;
                try {
                    reply = chain.proceed();
                } catch (RuntimeException | Error failure) {
                    deliveries.release(key);
                    throw failure;
                }
                deliveries.complete(key, chain.ctx().now());
                yield reply;
            }
        };
    }
}
