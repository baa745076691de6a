package dev.qunguan.outbound;

import dev.qunguan.action.Action;
import dev.qunguan.action.Reply;
import dev.qunguan.adapter.PlatformAdapter;
import dev.qunguan.event.ChatRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes each action to its platform's adapter through the chat's outbox, keeping nothing on disk. */
final class RateLimitedActionSender implements ActionSender, Courier {
    private static final Logger log = LoggerFactory.getLogger(RateLimitedActionSender.class);
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Map<String, PlatformAdapter> adapters;
    private final int messagesPerMinute;
    private final int maxHeldPerChat;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ActionMetrics metrics;
    private final ConcurrentHashMap<ChatRef, ChatOutbox> outboxes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RateLimitedActionSender(
            Map<String, PlatformAdapter> adapters,
            int messagesPerMinute,
            int maxHeldPerChat,
            Clock clock,
            ScheduledExecutorService scheduler,
            ActionMetrics metrics) {
        this.adapters = Map.copyOf(adapters);
        this.messagesPerMinute = messagesPerMinute;
        this.maxHeldPerChat = maxHeldPerChat;
        this.clock = clock;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    @Override
    public void send(Reply reply) {
        for (Action action : reply.actions()) {
            if (closed) {
                log.warn("Sender closed; dropping {} for chat {}", ActionMetrics.kind(action), action.chat());
                metrics.counted(action, ActionMetrics.DROPPED);
            } else if (!adapters.containsKey(action.chat().platform())) {
                log.warn("No adapter for platform {}; dropping {} for chat {}",
                        action.chat().platform(), ActionMetrics.kind(action), action.chat());
                metrics.counted(action, ActionMetrics.UNROUTABLE);
            } else {
                outbox(action.chat()).offer(Parcel.unstored(action));
            }
        }
    }

    @Override
    public boolean tryAcquire(ChatRef chat) {
        return !closed && outbox(chat).tryAcquire();
    }

    /** Sends what is still held (one merged message per chat) and waits a few seconds for deliveries. */
    @Override
    public void close() {
        closed = true;
        List<CompletableFuture<Void>> pending = outboxes.values().stream().map(ChatOutbox::flush).toList();
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Outgoing actions still pending at shutdown", e);
        }
    }

    private ChatOutbox outbox(ChatRef chat) {
        return outboxes.computeIfAbsent(chat, key -> new ChatOutbox(
                key, new TokenBucket(messagesPerMinute, clock), maxHeldPerChat, scheduler, this, metrics));
    }

    @Override
    public void handBack(Parcel parcel) {
        // Nothing keeps it for later: handed back means lost.
        metrics.counted(parcel.action(), ActionMetrics.DROPPED);
    }

    @Override
    public void drop(Parcel parcel) {
        // counted by the lane; there is no stored row to remove
    }

    /** Completes with true whatever happens, so one failed call never stalls the chat's later actions. */
    @Override
    public CompletableFuture<Boolean> deliver(Parcel parcel) {
        Action action = parcel.action();
        PlatformAdapter adapter = adapters.get(action.chat().platform());
        CompletableFuture<Void> performed;
        try {
            performed = adapter.perform(action).toCompletableFuture();
        } catch (RuntimeException thrown) {
            performed = CompletableFuture.failedFuture(thrown);
        }
        return performed.handle((ok, failure) -> {
            if (failure == null) {
                metrics.counted(action, ActionMetrics.SENT);
            } else {
                log.warn("{} for chat {} failed", ActionMetrics.kind(action), action.chat(), failure);
                metrics.counted(action, ActionMetrics.FAILED);
            }
            return true;
        });
    }
}
