package dev.qunguan.outbound;

import java.util.concurrent.CompletableFuture;

/** Carries a chat lane's parcels to the platform and accounts for those it never carries. */
interface Courier {
    /**
     * Delivers the parcel. Completes with true when the chat's later parcels may follow, false when they
     * must wait (this one failed or was deferred, and must not be overtaken); never exceptionally.
     */
    CompletableFuture<Boolean> deliver(Parcel parcel);

    /** The lane gives the parcel back unsent: its chat stalled, or the lane stopped. */
    void handBack(Parcel parcel);

    /** Pacing dropped the parcel: its chat held too many messages. */
    void drop(Parcel parcel);
}
