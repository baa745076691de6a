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
 * Lets each platform delivery through once. The delivery is marked only after the rest of the chain has
 * answered, so a crash half-way leads to a retry rather than a lost event.
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
        if (deliveries.isProcessed(key)) {
            log.debug("dropping repeated delivery {} in chat {}", key, event.chat());
            return Reply.none();
        }
        Reply reply = chain.proceed();
        deliveries.markProcessed(key, chain.ctx().now());
        return reply;
    }
}
