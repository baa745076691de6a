package dev.qunguan.store;

import java.time.Instant;

/** Remembers which deliveries were processed, so a delivery repeated by a platform has one effect. */
public interface DeliveryLog {
    boolean isProcessed(String deliveryKey);

    /** Records the delivery as processed; false when it already was. */
    boolean markProcessed(String deliveryKey, Instant at);
}
