package dev.qunguan.store;

import dev.qunguan.action.Action;
import java.time.Instant;
import java.util.List;

/**
 * Actions waiting to reach their platform, durable across outages and restarts. Several processes may
 * share one database: a row is claimed by one node at a time (until its lease ends), so no row is sent
 * twice, and the rows of one chat are claimed in the order they were appended.
 */
public interface OutboxStore {
    /** Appends the actions in order, due at once, in one committed transaction. */
    void append(List<Action> actions, Instant at);

    /**
     * Claims for {@code node}, until {@code leaseUntil}, up to {@code limit} of {@code platform}'s rows that
     * are due at {@code now} and not claimed by a live lease. A row is only claimed when no earlier row of
     * its chat is waiting for a later attempt or claimed by anyone, so a chat's rows never overtake each
     * other. Returned oldest first.
     */
    List<OutboxRow> claim(String platform, String node, Instant now, Instant leaseUntil, int limit);

    /** Extends the lease of every row {@code node} holds. */
    void renew(String node, Instant leaseUntil);

    /** Records what became of rows {@code node} claimed, in one transaction; rows it no longer holds are left alone. */
    void settle(String node, List<OutboxOutcome> outcomes);

    /** Gives up every claim of {@code node} (on shutdown), so the rows are due for any node at once. */
    int releaseAll(String node);

    OutboxCounts counts();

    /** Every row, waiting and given up, oldest first: for tools, inspection and tests. */
    List<OutboxRow> rows(int limit);
}
