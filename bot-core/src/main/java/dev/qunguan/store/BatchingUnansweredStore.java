package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The unanswered-question queue with group commit. Every question no entry answers is queued, and in a
 * busy group that is a write per chat line ending in 吗; written one transaction each, they held up the
 * handler threads behind SQLite's single writer. Questions are written behind in batches instead, and
 * the admins' reads first write whatever is still queued, so {@code /unanswered} never misses one.
 */
final class BatchingUnansweredStore implements UnansweredStore, AutoCloseable {
    private final JdbcUnansweredStore durable;
    private final GroupCommitQueue<JdbcUnansweredStore.Asked> queued;

    private BatchingUnansweredStore(JdbcUnansweredStore durable) {
        this.durable = durable;
        // Gathered for a second: each round trims every chat it touched once, and losing the last second of
        // questions in a crash costs an admin little.
        this.queued = GroupCommitQueue.start("unanswered questions", durable::addAll, 10_000, Duration.ofSeconds(1));
    }

    static BatchingUnansweredStore start(JdbcUnansweredStore durable) {
        return new BatchingUnansweredStore(durable);
    }

    @Override
    public void add(ChatRef chat, String text, String askerId, String askerName, String messageId, Instant at) {
        JdbcUnansweredStore.Asked asked = new JdbcUnansweredStore.Asked(chat, text, askerId, askerName, messageId, at);
        if (!queued.offer(asked)) {
            durable.addAll(List.of(asked)); // the writer is far behind: write through
        }
    }

    @Override
    public List<UnansweredQuestion> newest(ChatRef chat, int limit) {
        queued.flush();
        return durable.newest(chat, limit);
    }

    @Override
    public Optional<UnansweredQuestion> find(ChatRef chat, long id) {
        queued.flush();
        return durable.find(chat, id);
    }

    @Override
    public Optional<UnansweredQuestion> findByMessage(ChatRef chat, String messageId) {
        queued.flush();
        return durable.findByMessage(chat, messageId);
    }

    @Override
    public boolean remove(ChatRef chat, long id) {
        queued.flush();
        return durable.remove(chat, id);
    }

    /** Writes what is queued and stops the writer. */
    @Override
    public void close() {
        queued.close();
    }
}
