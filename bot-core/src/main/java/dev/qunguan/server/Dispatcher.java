package dev.qunguan.server;

import dev.qunguan.action.Reply;
import dev.qunguan.event.Event;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs events off the network thread: the events of one chat strictly one after another in arrival
 * order, different chats in parallel. Admission never blocks; a full queue fails the returned future
 * with {@link DispatcherOverloaded} at once so the webhook can answer 503.
 */
public interface Dispatcher extends AutoCloseable {

    /**
     * Queues one event. The future completes with the processor's reply, or exceptionally with
     * {@link DispatcherOverloaded} (queue full), {@link IllegalStateException} (closed) or whatever the
     * processor threw.
     */
    CompletableFuture<Reply> submit(Event event);

    /**
     * Queues all events or none of them: if any chat's queue lacks room for its share, nothing is queued
     * and the future fails with {@link DispatcherOverloaded}. The future completes with the replies joined
     * in event order; an event whose processing failed is logged and contributes no actions, so one bad
     * event cannot drop the replies to the others.
     */
    CompletableFuture<Reply> submitAll(List<Event> events);

    /** Events admitted but not yet started, over all lanes. */
    int queueDepth();

    /**
     * Stops admitting, lets queued events finish for up to {@code timeout}, then interrupts the lanes and
     * fails what is still queued.
     *
     * @return true when everything queued was processed in time
     */
    boolean close(Duration timeout);

    /** Closes with a ten-second drain. */
    @Override
    default void close() {
        close(Duration.ofSeconds(10));
    }

    /**
     * @param lanes                number of single-thread lanes; a chat always maps to the same lane
     * @param queueCapacityPerLane events that may wait in one lane before admission fails
     * @param processor            handles one event; runs on a lane thread
     * @param registry             receives the queue-depth gauge and overload and failure counters
     */
    static Dispatcher create(int lanes, int queueCapacityPerLane, Function<Event, Reply> processor, MeterRegistry registry) {
        return LaneDispatcher.create(lanes, queueCapacityPerLane, processor, registry);
    }
}
