package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import dev.qunguan.slots.ChatSlots;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Member history with group commit. Every clean group message updates its sender's history, so one
 * commit per message would make the single SQLite writer the bottleneck; instead each update changes
 * an in-memory view at once (so the next decision sees it) and members whose history changed are
 * written in batches every second, one row per member however many updates it took.
 *
 * <p>What is written is the change, not the count this process holds (add n clean messages, or start
 * again from zero and add n), so nodes sharing a database never overwrite each other's counts. On such
 * a database the view of a member is also read again from the database {@value #SHARED_VIEW_SECONDS}
 * seconds after it was read, so a violation recorded by another node soon counts here too.
 *
 * <p>A crash can lose the last second of updates: a member then looks slightly newer (fewer clean
 * messages) than they are, or a violation's reset is lost, which the next violation repeats.
 */
final class BatchingMemberHistoryStore implements MemberHistoryStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingMemberHistoryStore.class);
    private static final int MAX_UNFLUSHED = 50_000;
    static final long SHARED_VIEW_SECONDS = 5;
    /**
     * Changes gather this long before they are written: at 5 ms a busy bot committed ~200 small
     * transactions a second (the writer's thread took a tenth of the CPU under the benchmark), each
     * rewriting index pages the next one rewrote again.
     */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final Comparator<ChatMember> WRITE_ORDER = Comparator
            .comparing((ChatMember member) -> member.chat().platform())
            .thenComparing(member -> member.chat().chatId())
            .thenComparing(ChatMember::userId);

    private static final int VIEWS = 131_072;
    private static final int NO_ROW = -1;

    private final JdbcMemberHistoryStore durable;
    private final int maxUnflushed;
    // The latest history of recently seen members as written, in columns by slot: first seen (epoch
    // millis), clean messages (NO_ROW: none in the database) and, on a shared database, when it was read
    // (nanos). It may lose members to its bound; the unflushed map below never does, so it is consulted first.
    private final ChatSlots views = ChatSlots.holding(VIEWS);
    private final long[] viewFirstSeen = new long[views.capacity()];
    private final int[] viewClean = new int[views.capacity()];
    private final long @Nullable [] viewReadAt;
    // Members whose history changed since their last write: the change not yet taken by the writer, and
    // the history it leads to; kept until a write has committed with nothing new left to write.
    private final ConcurrentHashMap<ChatMember, Change> unflushed = new ConcurrentHashMap<>();
    // Every key of unflushed is queued here (or about to be, once its update returns) or in the batch
    // being written. Unbounded: unflushed bounds it.
    private final GroupCommitQueue<ChatMember> toWrite;

    /**
     * A member's history as this process sees it ({@code view}) and what to write to get there from
     * the row as last written: start again from zero first ({@code reset}), then add {@code clean}.
     */
    private record Change(MemberHistory view, boolean reset, int clean) {
        Change then(MemberHistory next, boolean violation) {
            return violation ? new Change(next, true, 0) : new Change(next, reset, clean + 1);
        }

        boolean isEmpty() {
            return !reset && clean == 0;
        }

        /** The same view with the change handed to the writer. */
        Change taken() {
            return new Change(view, false, 0);
        }

        JdbcMemberHistoryStore.Delta delta() {
            return new JdbcMemberHistoryStore.Delta(view.firstSeen(), reset, clean);
        }
    }

    private BatchingMemberHistoryStore(JdbcMemberHistoryStore durable, int maxUnflushed, boolean shared) {
        this.durable = durable;
        this.maxUnflushed = maxUnflushed;
        // On a shared database a view is read again SHARED_VIEW_SECONDS after it was read, not after it was
        // last updated: a member who keeps talking here is still read again.
        this.viewReadAt = shared ? new long[views.capacity()] : null;
        this.toWrite = GroupCommitQueue.start("member history", this::write, Integer.MAX_VALUE, LINGER);
    }

    /** @param shared whether other nodes write the same database (their updates then show here too) */
    static BatchingMemberHistoryStore start(JdbcMemberHistoryStore durable, boolean shared) {
        return start(durable, MAX_UNFLUSHED, shared);
    }

    /** @param maxUnflushed members waiting for their write beyond which updates are written through */
    static BatchingMemberHistoryStore start(JdbcMemberHistoryStore durable, int maxUnflushed) {
        return start(durable, maxUnflushed, false);
    }

    static BatchingMemberHistoryStore start(JdbcMemberHistoryStore durable, int maxUnflushed, boolean shared) {
        if (maxUnflushed < 1) {
            throw new IllegalArgumentException("maxUnflushed: " + maxUnflushed + " (expected: >= 1)");
        }
        return new BatchingMemberHistoryStore(durable, maxUnflushed, shared);
    }

    @Override
    public Optional<MemberHistory> find(ChatRef chat, String userId) {
        ChatMember member = new ChatMember(chat, userId);
        Change changed = unflushed.get(member);
        return changed != null ? Optional.of(changed.view()) : stored(member);
    }

    @Override
    public void recordClean(ChatRef chat, String userId, Instant at) {
        update(new ChatMember(chat, userId), at, false);
    }

    @Override
    public void recordViolation(ChatRef chat, String userId, Instant at) {
        update(new ChatMember(chat, userId), at, true);
    }

    /**
     * Counts one clean message or a violation on the member's current history (a new member starts at
     * {@code at} with no clean messages). Runs under the member's lock in {@code unflushed}, which orders
     * it with other updates of the member and with the writer taking and completing their write.
     */
    private void update(ChatMember member, Instant at, boolean violation) {
        boolean[] nowUnflushed = {false};
        unflushed.compute(member, (key, pending) -> {
            Change base = pending != null
                    ? pending
                    : new Change(stored(key).orElseGet(() -> new MemberHistory(at, 0)), false, 0);
            MemberHistory current = base.view();
            MemberHistory next = new MemberHistory(current.firstSeen(), violation ? 0 : current.cleanMessages() + 1);
            Change change = base.then(next, violation);
            // The view lives in `unflushed` until written; the writer then moves it to the views. Storing it in
            // the views on every message as well cost a cache write and an eviction per message.
            if (pending != null) {
                return change;
            }
            if (unflushed.size() >= maxUnflushed) {
                durable.applyAll(Map.of(key, change.delta())); // the writer is far behind: write through
                keepView(key, next);
                return null;
            }
            nowUnflushed[0] = true;
            return change;
        });
        if (nowUnflushed[0]) {
            // Queued only once the history is in the map, where the writer looks it up.
            toWrite.offer(member);
        }
    }

    /** The member's history as last written (only called while they have no unflushed change). */
    private Optional<MemberHistory> stored(ChatMember member) {
        long key = ChatSlots.keyOf(member.chat(), member.userId());
        synchronized (views.lockFor(key)) {
            int slot = views.find(key);
            if (slot >= 0 && (viewReadAt == null
                    || System.nanoTime() - viewReadAt[slot] < TimeUnit.SECONDS.toNanos(SHARED_VIEW_SECONDS))) {
                return viewClean[slot] == NO_ROW
                        ? Optional.empty()
                        : Optional.of(new MemberHistory(Instant.ofEpochMilli(viewFirstSeen[slot]), viewClean[slot]));
            }
        }
        // Read outside the lock: it guards a whole set of members. Only this member's lane or the writer
        // (under the member's entry in `unflushed`) change the member's view, so nothing newer races this read.
        Optional<MemberHistory> read = durable.find(member.chat(), member.userId());
        keepView(key, read.orElse(null));
        return read;
    }

    private void keepView(ChatMember member, MemberHistory view) {
        keepView(ChatSlots.keyOf(member.chat(), member.userId()), view);
    }

    private void keepView(long key, @Nullable MemberHistory view) {
        synchronized (views.lockFor(key)) {
            int slot = views.claim(key);
            slot = slot < 0 ? ~slot : slot;
            viewFirstSeen[slot] = view == null ? 0 : view.firstSeen().toEpochMilli();
            viewClean[slot] = view == null ? NO_ROW : view.cleanMessages();
            if (viewReadAt != null) {
                viewReadAt[slot] = System.nanoTime();
            }
        }
    }

    private void write(List<ChatMember> members) {
        // In one order on every node, so two nodes writing overlapping batches never deadlock.
        Map<ChatMember, JdbcMemberHistoryStore.Delta> batch = new TreeMap<>(WRITE_ORDER);
        for (ChatMember member : members) {
            unflushed.computeIfPresent(member, (key, change) -> {
                if (!change.isEmpty()) {
                    batch.put(key, change.delta());
                }
                return change.taken();
            });
        }
        try {
            durable.applyAll(batch);
        } catch (RuntimeException e) {
            // Retrying could hold close() forever; the view keeps the counts while they stay cached.
            log.warn("could not write the history of {} members; it stays in memory only", batch.size(), e);
        }
        for (ChatMember member : members) {
            unflushed.computeIfPresent(member, (key, current) -> {
                if (!current.isEmpty()) {
                    toWrite.offer(key); // updated while being written: write the newer change too
                    return current;
                }
                keepView(key, current.view());
                return null;
            });
        }
    }

    /** Writes what is pending and stops the writer. */
    @Override
    public void close() {
        toWrite.close();
    }
}
