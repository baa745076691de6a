package dev.qunguan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.Event;
import dev.qunguan.event.EventId;
import dev.qunguan.event.TimerFired;
import dev.qunguan.message.Message;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class DispatcherTest {
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blockerStarted = new CountDownLatch(1);
    private final List<Dispatcher> created = new ArrayList<>();
    private Dispatcher dispatcher = dispatcher(1, 1, event -> Reply.none());

    @AfterEach
    void closeDispatchers() {
        release.countDown();
        created.forEach(d -> d.close(Duration.ofSeconds(5)));
    }

    private Dispatcher dispatcher(int lanes, int capacity, Function<Event, Reply> processor) {
        Dispatcher made = Dispatcher.create(lanes, capacity, processor, registry);
        created.add(made);
        return made;
    }

    private Event event(String chatId, String purpose) {
        return new TimerFired(EventId.of("e" + ids.incrementAndGet()), ChatRef.of("test", chatId), purpose, AT);
    }

    private static Reply echo(Event event) {
        return Reply.of(new SendMessage(event.chat(), Message.text(((TimerFired) event).purpose())));
    }

    /** Echoes the event, except that "block" waits until the test releases it. */
    private Function<Event, Reply> blockingEcho() {
        return event -> {
            if (((TimerFired) event).purpose().equals("block")) {
                blockerStarted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return echo(event);
        };
    }

    private static String text(Reply reply) {
        return reply.actions().stream().map(a -> ((SendMessage) a).message().plainText()).reduce("", String::concat);
    }

    @Test
    void keepsEachChatsEventsInArrivalOrderWhileManyChatsRunConcurrently() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        dispatcher = dispatcher(4, 10_000, event -> {
            seen.computeIfAbsent(event.chat().chatId(), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(Integer.parseInt(((TimerFired) event).purpose()));
            return Reply.none();
        });
        int chats = 40;
        int perChat = 200;
        List<CompletableFuture<Void>> submitters = new ArrayList<>();
        List<CompletableFuture<Reply>> results = Collections.synchronizedList(new ArrayList<>());
        for (int submitter = 0; submitter < 4; submitter++) {
            int first = submitter;
            submitters.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < perChat; n++) {
                    for (int chat = first; chat < chats; chat += 4) {
                        results.add(dispatcher.submit(event("chat-" + chat, Integer.toString(n))));
                    }
                }
            }));
        }
        CompletableFuture.allOf(submitters.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        List<Integer> expected = IntStream.range(0, perChat).boxed().toList();
        assertThat(seen).hasSize(chats);
        seen.forEach((chat, order) -> assertThat(order).as(chat).containsExactlyElementsOf(expected));
    }

    @Test
    void letsOtherChatsProgressWhileOneChatIsBusy() throws Exception {
        dispatcher = dispatcher(2, 100, blockingEcho());
        CompletableFuture<Reply> blocked = dispatcher.submit(event("busy", "block"));
        assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();

        // Some of these chats hash to the other lane; at least one of them must finish meanwhile.
        List<CompletableFuture<Reply>> others = IntStream.range(0, 16)
                .mapToObj(i -> dispatcher.submit(event("other-" + i, "hi")))
                .toList();
        Object first = CompletableFuture.anyOf(others.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(text((Reply) first)).isEqualTo("hi");
        assertThat(blocked).isNotDone();
        release.countDown();
        assertThat(text(blocked.get(5, TimeUnit.SECONDS))).isEqualTo("block");
    }

    @Test
    void failsFastWithOverloadWhenTheLaneQueueIsFull() throws Exception {
        dispatcher = dispatcher(1, 2, blockingEcho());
        CompletableFuture<Reply> running = dispatcher.submit(event("g", "block"));
        assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Reply> queuedFirst = dispatcher.submit(event("g", "one"));
        CompletableFuture<Reply> queuedSecond = dispatcher.submit(event("h", "two"));

        CompletableFuture<Reply> refused = dispatcher.submit(event("g", "three"));

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(DispatcherOverloaded.class);
        assertThat(dispatcher.queueDepth()).isEqualTo(2);
        assertThat(registry.get("qunguan.dispatcher.overloads").counter().count()).isEqualTo(1.0);
        release.countDown();
        assertThat(text(running.get(5, TimeUnit.SECONDS))).isEqualTo("block");
        assertThat(text(queuedFirst.get(5, TimeUnit.SECONDS))).isEqualTo("one");
        assertThat(text(queuedSecond.get(5, TimeUnit.SECONDS))).isEqualTo("two");
    }

    @Test
    void admitsNoEventOfABatchWhenAnyLaneWouldOverflow() throws Exception {
        dispatcher = dispatcher(1, 2, blockingEcho());
        dispatcher.submit(event("g", "block"));
        assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Reply> tooMany = dispatcher.submitAll(List.of(event("g", "a"), event("h", "b"), event("g", "c")));

        assertThat(tooMany).isCompletedExceptionally();
        assertThatThrownBy(tooMany::join).hasCauseInstanceOf(DispatcherOverloaded.class);
        assertThat(dispatcher.queueDepth()).isZero();
        CompletableFuture<Reply> fits = dispatcher.submitAll(List.of(event("g", "a"), event("h", "b")));
        release.countDown();
        assertThat(text(fits.get(5, TimeUnit.SECONDS))).isEqualTo("ab");
    }

    @Test
    void joinsTheRepliesOfABatchInEventOrder() throws Exception {
        dispatcher = dispatcher(3, 10, DispatcherTest::echo);

        Reply reply = dispatcher.submitAll(List.of(event("x", "1"), event("y", "2"), event("x", "3"), event("z", "4")))
                .get(5, TimeUnit.SECONDS);

        assertThat(reply.actions()).extracting(a -> a.chat().chatId()).containsExactly("x", "y", "x", "z");
        assertThat(text(reply)).isEqualTo("1234");
    }

    @Test
    void completesAnEmptyBatchWithNoActions() throws Exception {
        assertThat(dispatcher.submitAll(List.of()).get(5, TimeUnit.SECONDS).isEmpty()).isTrue();
    }

    @Test
    void isolatesAProcessorFailureAndKeepsTheLaneRunning() throws Exception {
        dispatcher = dispatcher(1, 10, event -> {
            if (((TimerFired) event).purpose().equals("boom")) {
                throw new IllegalStateException("processor broke");
            }
            return echo(event);
        });

        CompletableFuture<Reply> failed = dispatcher.submit(event("g", "boom"));
        CompletableFuture<Reply> after = dispatcher.submit(event("g", "fine"));
        Reply batch = dispatcher.submitAll(List.of(event("g", "boom"), event("g", "kept"))).get(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(text(after.get(5, TimeUnit.SECONDS))).isEqualTo("fine");
        assertThat(text(batch)).isEqualTo("kept");
        assertThat(registry.get("qunguan.dispatcher.failures").counter().count()).isEqualTo(2.0);
    }

    @Test
    void drainsQueuedEventsOnCloseAndRefusesNewOnes() throws Exception {
        dispatcher = dispatcher(1, 10, blockingEcho());
        CompletableFuture<Reply> running = dispatcher.submit(event("g", "block"));
        CompletableFuture<Reply> queued = dispatcher.submit(event("g", "queued"));
        assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> dispatcher.close(Duration.ofSeconds(10)));
        release.countDown();

        assertThat(closed.get(15, TimeUnit.SECONDS)).isTrue();
        assertThat(running).isCompleted();
        assertThat(text(queued.join())).isEqualTo("queued");
        assertThatThrownBy(() -> dispatcher.submit(event("g", "late")).join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> Dispatcher.create(0, 1, event -> Reply.none(), registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lanes: 0");
        assertThatThrownBy(() -> Dispatcher.create(1, 0, event -> Reply.none(), registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queueCapacityPerLane: 0");
    }
}
