package dev.qunguan.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Member history with group commit. Every clean group message updates its sender's history, so one
 * commit per message would make the single SQLite writer the bottleneck; instead each update changes
 * an in-memory view at once (so the next decision sees it) and members whose history changed are
 * written in batches every few milliseconds, one row per member however many updates it took.
 *
 * <p>A crash can lose the last few milliseconds of updates: a member then looks slightly newer (fewer
 * clean messages) than they are, or a violation's reset is lost, which the next violation repeats.
 * Rows are written with the counts this process holds, so one bot process owns a database.
 */
final class BatchingMemberHistoryStore implements MemberHistoryStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingMemberHistoryStore.class);
    private static final int MAX_BATCH = 2_000;
    private static final int MAX_UNFLUSHED = 50_000;
    private static final long FLUSH_EVERY_MILLIS = 5;

    private final JdbcMemberHistoryStore durable;
    private final int maxUnflushed;
    // The latest history of recently seen members (empty: none in the database). It may lose entries
    // to its bound; the unflushed map below never does, so it is consulted first.
    private final Cache<ChatMember, Optional<MemberHistory>> recent =
            Caffeine.newBuilder().maximumSize(200_000).build();
    // Histories changed since their last write, until that write has committed.
    private final ConcurrentHashMap<ChatMember, MemberHistory> unflushed = new ConcurrentHashMap<>();
    // Every key of unflushed is here (or about to be, once its update returns) or in the batch being written.
    private final LinkedBlockingQueue<ChatMember> toWrite = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private BatchingMemberHistoryStore(JdbcMemberHistoryStore durable, int maxUnflushed) {
        this.durable = durable;
        this.maxUnflushed = maxUnflushed;
        this.writer = Thread.ofPlatform().daemon().name("qunguan-member-history").unstarted(this::writeLoop);
    }

    static BatchingMemberHistoryStore start(JdbcMemberHistoryStore durable) {
        return start(durable, MAX_UNFLUSHED);
    }

    /** @param maxUnflushed members waiting for their write beyond which updates are written through */
    static BatchingMemberHistoryStore start(JdbcMemberHistoryStore durable, int maxUnflushed) {
        if (maxUnflushed < 1) {
            throw new IllegalArgumentException("maxUnflushed: " + maxUnflushed + " (expected: >= 1)");
        }
        BatchingMemberHistoryStore store = new BatchingMemberHistoryStore(durable, maxUnflushed);
        store.writer.start();
        return store;
    }

    @Override
    public Optional<MemberHistory> find(ChatRef chat, String userId) {
        ChatMember member = new ChatMember(chat, userId);
        MemberHistory changed = unflushed.get(member);
        return changed != null ? Optional.of(changed) : stored(member);
    }

    @Override
    public void recordClean(ChatRef chat, String userId, Instant at) {
        update(new ChatMember(chat, userId), at,
                history -> new MemberHistory(history.firstSeen(), history.cleanMessages() + 1));
    }

    @Override
    public void recordViolation(ChatRef chat, String userId, Instant at) {
        update(new ChatMember(chat, userId), at, history -> new MemberHistory(history.firstSeen(), 0));
    }

    /**
     * Applies {@code change} to the member's current history (a new member starts at {@code at} with no
     * clean messages). Runs under the member's lock in {@code unflushed}, which orders it with other
     * updates of the member and with the writer's completion of their write.
     */
    private void update(ChatMember member, Instant at, UnaryOperator<MemberHistory> change) {
        boolean[] nowUnflushed = {false};
        unflushed.compute(member, (key, pending) -> {
            MemberHistory current = pending != null
                    ? pending
                    : stored(key).orElseGet(() -> new MemberHistory(at, 0));
            MemberHistory next = change.apply(current);
            recent.put(key, Optional.of(next));
            if (pending != null) {
                return next;
            }
            if (unflushed.size() >= maxUnflushed) {
                durable.saveAll(Map.of(key, next)); // the writer is far behind: write through
                return null;
            }
            nowUnflushed[0] = true;
            return next;
        });
        if (nowUnflushed[0]) {
            // Queued only once the history is in the map, where the writer looks it up.
            toWrite.add(member);
        }
    }

    /** The member's history as last written (only called while they have no unflushed change). */
    private Optional<MemberHistory> stored(ChatMember member) {
        return recent.get(member, key -> durable.find(key.chat(), key.userId()));
    }

    private void writeLoop() {
        List<ChatMember> members = new ArrayList<>(MAX_BATCH);
        while (running || !toWrite.isEmpty()) {
            try {
                ChatMember first = toWrite.poll(FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                members.add(first);
                toWrite.drainTo(members, MAX_BATCH - 1);
                write(members);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                members.clear();
            }
        }
    }

    private void write(List<ChatMember> members) {
        Map<ChatMember, MemberHistory> batch = new LinkedHashMap<>();
        for (ChatMember member : members) {
            MemberHistory history = unflushed.get(member);
            if (history != null) {
                batch.put(member, history);
            }
        }
        try {
            durable.saveAll(batch);
        } catch (RuntimeException e) {
            // Retrying could hold close() forever; the view keeps the counts while they stay cached.
            log.warn("could not write the history of {} members; it stays in memory only", batch.size(), e);
        }
        batch.forEach((member, written) -> unflushed.computeIfPresent(member, (key, current) -> {
            if (!current.equals(written)) {
                toWrite.add(key); // updated while being written: write the newer history too
                return current;
            }
            recent.put(key, Optional.of(written));
            return null;
        }));
    }

    /** Writes what is pending and stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
