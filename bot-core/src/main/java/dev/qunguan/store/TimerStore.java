package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.List;

/**
 * Pending wake-ups, one per chat and purpose, kept in the database so that any node may fire them and
 * none is lost with the node that asked for it. Firing is claim, handle, {@link #fired}: a claim that is
 * never followed by {@code fired} (the node died) lapses and the timer is claimed again.
 */
public interface TimerStore {
    /**
     * Asks for a wake-up at {@code at}. A pending one for the chat and purpose keeps the earlier time; one
     * being fired right now is replaced, because its firing may already be past what this wake-up is for.
     */
    void schedule(ChatRef chat, String purpose, Instant at);

    /**
     * Claims the timers due at {@code now} that nobody holds (or whose claim lapsed), for {@code claimant}
     * (unique per call) until {@code leaseUntil}. Another caller at the same time gets none of them.
     */
    List<DueTimer> claimDue(Instant now, String claimant, Instant leaseUntil);

    /** The claimed timer was handled: removes it, unless it was asked for again since the claim. */
    void fired(DueTimer timer);
}
