package dev.qunguan.server;

import dev.qunguan.action.Reply;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hashes each chat onto one of N single-thread lanes. Admission happens under one short lock so that a
 * batch is checked against every lane's room and queued as a whole, or not at all.
 */
final class LaneDispatcher implements Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(LaneDispatcher.class);

    private final Lane[] lanes;
    private final int capacityPerLane;
    private final Function<Event, Reply> processor;
    private final ReentrantLock admission = new ReentrantLock();
    private final Counter overloads;
    private final Counter failures;
    private final MeterRegistry registry;
    private final ConcurrentMap<EventKind, EventMeters> meters = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private LaneDispatcher(int laneCount, int capacityPerLane, Function<Event, Reply> processor, MeterRegistry registry) {
        this.capacityPerLane = capacityPerLane;
        this.processor = processor;
        this.overloads = Counter.builder("qunguan.dispatcher.overloads")
                .description("Events refused because their lane's queue was full")
                .register(registry);
        this.failures = Counter.builder("qunguan.dispatcher.failures")
                .description("Events whose processing threw")
                .register(registry);
        this.registry = registry;
        Gauge.builder("qunguan.dispatcher.queue.depth", this, LaneDispatcher::queueDepth)
                .description("Events admitted but not yet started")
                .register(registry);
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane(i);
        }
        for (Lane lane : lanes) {
            lane.thread.start();
        }
    }

    static LaneDispatcher create(int lanes, int queueCapacityPerLane, Function<Event, Reply> processor, MeterRegistry registry) {
        if (lanes <= 0) {
            throw new IllegalArgumentException("lanes: " + lanes + " (expected: > 0)");
        }
        if (queueCapacityPerLane <= 0) {
            throw new IllegalArgumentException("queueCapacityPerLane: " + queueCapacityPerLane + " (expected: > 0)");
        }
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(registry, "registry");
        return new LaneDispatcher(lanes, queueCapacityPerLane, processor, registry);
    }

    @Override
    public CompletableFuture<Reply> submit(Event event) {
        Objects.requireNonNull(event, "event");
        try {
            return admit(List.of(event)).getFirst();
        } catch (DispatcherOverloaded | IllegalStateException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    @Override
    public CompletableFuture<Reply> submitAll(List<Event> events) {
        List<CompletableFuture<Reply>> results;
        try {
            results = admit(List.copyOf(events));
        } catch (DispatcherOverloaded | IllegalStateException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        if (results.isEmpty()) {
            return CompletableFuture.completedFuture(Reply.none());
        }
        if (results.size() == 1) {
            // the usual webhook: one event (same outcome as below, without combining futures)
            return results.getFirst().exceptionally(failure -> Reply.none());
        }
        // The lane already logged the failure; here it only must not swallow the other events' replies.
        List<CompletableFuture<Reply>> tolerant = results.stream()
                .map(result -> result.exceptionally(failure -> Reply.none()))
                .toList();
        return CompletableFuture.allOf(tolerant.toArray(CompletableFuture[]::new))
                .thenApply(done -> tolerant.stream().map(CompletableFuture::join).reduce(Reply.none(), Reply::and));
    }

    private List<CompletableFuture<Reply>> admit(List<Event> events) {
        int[] needed = new int[lanes.length];
        for (Event event : events) {
            needed[laneOf(event.chat())]++;
        }
        admission.lock();
        try {
            if (closed) {
                throw new IllegalStateException("dispatcher closed");
            }
            for (Event event : events) {
                int lane = laneOf(event.chat());
                if (lanes[lane].queue.size() + needed[lane] > capacityPerLane) {
                    overloads.increment();
                    throw new DispatcherOverloaded(event.chat(), capacityPerLane);
                }
            }
            List<CompletableFuture<Reply>> results = new ArrayList<>(events.size());
            for (Event event : events) {
                CompletableFuture<Reply> result = new CompletableFuture<>();
                lanes[laneOf(event.chat())].queue.add(new Work(event, result));
                results.add(result);
            }
            return results;
        } finally {
            admission.unlock();
        }
    }

    private int laneOf(ChatRef chat) {
        // Spread the record hash so chats with similar ids do not cluster on one lane.
        int h = chat.hashCode() * 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 16), lanes.length);
    }

    @Override
    public int queueDepth() {
        int depth = 0;
        for (Lane lane : lanes) {
            depth += lane.queue.size();
        }
        return depth;
    }

    @Override
    public boolean close(Duration timeout) {
        admission.lock();
        try {
            if (closed) {
                return true;
            }
            closed = true;
            for (Lane lane : lanes) {
                lane.queue.add(Stop.INSTANCE);
            }
        } finally {
            admission.unlock();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean drained = true;
        for (Lane lane : lanes) {
            drained &= joinUntil(lane.thread, deadline);
        }
        if (drained) {
            return true;
        }
        log.warn("Dispatcher did not drain within {}; interrupting lanes", timeout);
        for (Lane lane : lanes) {
            lane.thread.interrupt();
        }
        int abandoned = 0;
        for (Lane lane : lanes) {
            for (LaneItem item; (item = lane.queue.poll()) != null; ) {
                if (item instanceof Work work) {
                    work.result.completeExceptionally(new IllegalStateException("dispatcher closed before processing"));
                    abandoned++;
                }
            }
        }
        log.warn("Dispatcher abandoned {} queued events at shutdown", abandoned);
        return false;
    }

    private static boolean joinUntil(Thread thread, long deadlineNanos) {
        try {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                thread.join(Duration.ofNanos(left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void process(Work work) {
        Event event = work.event;
        long start = System.nanoTime();
        Reply reply = null;
        Throwable failure = null;
        // every log line written while handling this event carries its id and chat
        MDC.put("event", event.id().value());
        MDC.put("chat", event.chat().key());
        try {
            reply = processor.apply(event);
        } catch (Throwable thrown) {
            // The lane must outlive any one event, so even errors are contained here.
            failure = thrown;
            failures.increment();
            log.error("Processing failed for event {} in chat {}", event.id(), event.chat(), thrown);
        } finally {
            MDC.remove("event");
            MDC.remove("chat");
        }
        // Counted before the result is handed on, so whoever sees the answer also sees it in the metrics.
        EventMeters eventMeters = meters.computeIfAbsent(
                new EventKind(event.chat().platform(), event.getClass()), this::register);
        eventMeters.received().increment();
        eventMeters.processing().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (failure == null) {
            work.result.complete(reply);
        } else {
            work.result.completeExceptionally(failure);
        }
    }

    /** Events are counted and timed by platform and type; both sets are small and fixed. */
    private record EventKind(String platform, Class<? extends Event> type) {}

    private record EventMeters(Counter received, Timer processing) {}

    private EventMeters register(EventKind kind) {
        String type = kind.type().getSimpleName();
        return new EventMeters(
                Counter.builder("qunguan.events")
                        .description("Events processed, by platform and type")
                        .tag("platform", kind.platform())
                        .tag("type", type)
                        .register(registry),
                Timer.builder("qunguan.dispatcher.processing")
                        .description("Time to run one event through the handler chain, by platform and type")
                        .tag("platform", kind.platform())
                        .tag("type", type)
                        .publishPercentileHistogram()
                        .register(registry));
    }

    private sealed interface LaneItem permits Work, Stop {}

    private record Work(Event event, CompletableFuture<Reply> result) implements LaneItem {}

    private enum Stop implements LaneItem {
        INSTANCE
    }

    private final class Lane {
        final BlockingQueue<LaneItem> queue = new LinkedBlockingQueue<>();
        final Thread thread;

        Lane(int index) {
            this.thread = new Thread(this::run, "qunguan-dispatch-" + index);
            thread.setDaemon(true);
        }

        private void run() {
            while (true) {
                LaneItem item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                switch (item) {
                    case Stop stop -> {
                        return;
                    }
                    case Work work -> process(work);
                }
            }
        }
    }
}
