package dev.qunguan.store;

import java.time.Instant;

/**
 * Decides which deliveries to handle, so a delivery repeated by a platform, or posted to several nodes
 * at once, has one effect. A delivery is claimed before it is handled and completed after; a claim that
 * is never completed (the node died half-way) lapses, so the event is retried rather than lost.
 */
public interface DeliveryLog {
    /** What {@link #claim} found. */
    enum Claim {
        /** Nobody handled it yet (or a dead node's claim lapsed): handle it, then {@link #complete} it. */
        CLAIMED,
        /** Handled before: drop it. */
        REPEATED,
        /**
         * Another node is handling it right now and did not finish while this one waited (longer than a
         * webhook may wait for its answer, so the platform was told to retry): drop this copy.
         */
        IN_PROGRESS_ELSEWHERE
    }

    /** Claims the delivery for this node, waiting a bounded time while another node is handling it. */
    Claim claim(String deliveryKey, Instant at);

    /** Records the claimed delivery as handled: from now on a redelivery is {@link Claim#REPEATED}. */
    void complete(String deliveryKey, Instant at);

    /** Gives up a claim without effect (handling failed), so a redelivery is handled at once. */
    void release(String deliveryKey);
}
