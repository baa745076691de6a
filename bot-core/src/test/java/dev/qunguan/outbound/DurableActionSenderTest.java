package dev.qunguan.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageRef;
import dev.qunguan.message.Message;
import dev.qunguan.store.Database;
import dev.qunguan.store.OutboxCounts;
import dev.qunguan.store.OutboxOutcome;
import dev.qunguan.store.OutboxRow;
import dev.qunguan.store.OutboxStore;
import dev.qunguan.testing.MutableClock;
import dev.qunguan.testing.TestStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable sender against a real database and a real HTTP stand-in for the platform, with a clock the
 * tests move: outages, the breaker, backoff, dead letters, restarts and two nodes sharing one database.
 */
final class DurableActionSenderTest {
    private static final ChatRef ALPHA = ChatRef.of(HttpPlatformAdapter.PLATFORM, "alpha");
    private static final ChatRef BETA = ChatRef.of(HttpPlatformAdapter.PLATFORM, "beta");
    /** Full jitter at its top: every wait is exactly the ceiling, so the tests can name the times. */
    private static final RandomGenerator LONGEST_WAIT = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), LONGEST_WAIT);
    private static final OutboxPolicy POLICY = new OutboxPolicy(10_000, 10, Duration.ofHours(1), 5, Duration.ofSeconds(30));
    /** Slow polling, so the tests' explicit passes decide when rows are claimed. */
    private static final DurableActionSender.Tuning TUNING =
            new DurableActionSender.Tuning(Duration.ofHours(1), Duration.ofSeconds(20), 256, 100);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T08:00:00Z"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private PlatformStandIn platform;
    private HttpPlatformAdapter adapter;
    private Database database;
    private CountingStore store;

    @BeforeEach
    void start() {
        platform = new PlatformStandIn();
        adapter = new HttpPlatformAdapter(platform.url());
        database = Database.open(TestStorage.forDirectory(dir), clock);
        store = new CountingStore(database.stores().outbox());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        scheduler.shutdownNow();
        database.close();
        adapter.close();
        platform.close();
    }

    private DurableActionSender sender(OutboxPolicy policy, String node) {
        DurableActionSender sender = ActionSenders.durable(store, Map.of(HttpPlatformAdapter.PLATFORM, adapter), policy,
                BACKOFF, clock, scheduler, registry, TUNING, node);
        toClose.add(sender);
        return sender;
    }

    private static Reply say(ChatRef chat, String text) {
        return Reply.of(new SendMessage(chat, Message.text(text)));
    }

    private static Predicate<PlatformStandIn.Call> in(ChatRef chat) {
        return call -> call.chat().equals(chat.chatId());
    }

    /** Runs a relay pass on the sender's scheduler and waits for it. */
    private void pass(DurableActionSender sender) throws Exception {
        scheduler.submit(sender::pass).get(5, TimeUnit.SECONDS);
    }

    /** Waits (bounded) until the stored rows satisfy {@code condition}. */
    private List<OutboxRow> awaitRows(Predicate<List<OutboxRow>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<OutboxRow> rows = store.rows(1_000);
        while (!condition.test(rows)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("outbox rows never matched; they are " + rows);
            }
            Thread.sleep(10);
            rows = store.rows(1_000);
        }
        return rows;
    }

    private double actions(String outcome) {
        var counter = registry.find("qunguan.actions").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double breakerState() {
        return registry.get("qunguan.outbound.breaker.state").tag("platform", HttpPlatformAdapter.PLATFORM).gauge().value();
    }

    @Test
    void enqueueCompletesOnlyOnceTheActionsAreCommitted() throws Exception {
        platform.answer(PlatformStandIn.Mode.HOLD);
        DurableActionSender sender = sender(POLICY, "n1");

        sender.enqueue(say(ALPHA, "stored first")).get(5, TimeUnit.SECONDS);

        assertThat(store.rows(10)).singleElement()
                .satisfies(row -> assertThat(row.action()).isEqualTo(new SendMessage(ALPHA, Message.text("stored first"))));
    }

    @Test
    void aReplyWithoutActionsCompletesAtOnceWithoutTouchingTheStore() {
        DurableActionSender sender = sender(POLICY, "n1");
        int before = store.appends.get();

        CompletableFuture<Void> stored = sender.enqueue(Reply.none());

        assertThat(stored).isCompleted();
        assertThat(store.appends.get()).isEqualTo(before);
    }

    @Test
    void platformOutageOpensTheBreakerAndEveryReplyArrivesOnceInOrderWhenItIsBack() throws Exception {
        platform.answer(PlatformStandIn.Mode.FAIL);
        DurableActionSender sender = sender(POLICY, "n1");
        List<String> alpha = IntStream.range(0, 6).mapToObj(i -> "a" + i).toList();
        List<String> beta = IntStream.range(0, 6).mapToObj(i -> "b" + i).toList();
        for (int i = 0; i < 6; i++) {
            sender.enqueue(say(ALPHA, alpha.get(i))).get(5, TimeUnit.SECONDS);
            sender.enqueue(say(BETA, beta.get(i))).get(5, TimeUnit.SECONDS);
        }
        pass(sender);
        awaitRows(rows -> rows.stream().filter(row -> row.attempts() > 0).count() == 2);

        // Each failure makes its chat wait for its retry; the retries are what trips the breaker.
        for (int round = 0; round < 4 && breakerState() != CircuitBreaker.State.OPEN.gauge; round++) {
            int failedBefore = (int) actions(ActionMetrics.FAILED);
            clock.advance(Duration.ofSeconds(10));
            pass(sender);
            // Both chats fail again, unless the breaker opened in between and deferred the other.
            awaitRows(rows -> (actions(ActionMetrics.FAILED) >= failedBefore + 2
                    || breakerState() == CircuitBreaker.State.OPEN.gauge)
                    && rows.stream().allMatch(row -> row.claimedBy() == null));
        }
        assertThat(breakerState()).as("breaker open").isEqualTo(CircuitBreaker.State.OPEN.gauge);
        int callsWhenOpened = platform.calls().size();

        clock.advance(Duration.ofSeconds(10));
        pass(sender);
        pass(sender);
        assertThat(platform.calls()).as("no calls while open and cooling down").hasSize(callsWhenOpened);

        platform.answer(PlatformStandIn.Mode.ACCEPT);
        clock.advance(Duration.ofSeconds(30));
        pass(sender);
        platform.await(1, call -> call.status() == 200);
        awaitRows(rows -> breakerState() == CircuitBreaker.State.CLOSED.gauge);
        clock.advance(Duration.ofMinutes(1));
        pass(sender);

        assertThat(platform.await(6, in(ALPHA).and(call -> call.status() == 200)))
                .extracting(PlatformStandIn.Call::body)
                .containsExactlyElementsOf(alpha.stream().map(text -> "say " + text).toList());
        assertThat(platform.await(6, in(BETA).and(call -> call.status() == 200)))
                .extracting(PlatformStandIn.Call::body)
                .containsExactlyElementsOf(beta.stream().map(text -> "say " + text).toList());
        assertThat(callsWhenOpened).as("calls made before the breaker stopped them").isLessThanOrEqualTo(6);
        awaitRows(List::isEmpty);
        assertThat(platform.accepted()).hasSize(12);
    }

    @Test
    void anActionRefusedForGoodBecomesADeadLetterAfterOneCallAndTheChatGoesOn() throws Exception {
        platform.refuse(BETA.chatId());
        DurableActionSender sender = sender(POLICY, "n1");

        sender.enqueue(say(BETA, "to a group that is gone").and(new DeleteMessage(ALPHA, MessageRef.of("9"))))
                .get(5, TimeUnit.SECONDS);
        pass(sender);
        platform.await(1, in(ALPHA));

        List<OutboxRow> rows = awaitRows(r -> r.size() == 1 && r.getFirst().isDead());
        assertThat(rows.getFirst().lastError()).contains("refused").contains("HTTP 400");
        assertThat(rows.getFirst().attempts()).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        pass(sender);
        assertThat(platform.calls()).filteredOn(in(BETA)).hasSize(1);
        assertThat(store.counts()).isEqualTo(new OutboxCounts(0, 1));
        assertThat(actions(ActionMetrics.DEAD)).isEqualTo(1.0);
        assertThat(breakerState()).as("an answer, even a refusal, proves the platform up")
                .isEqualTo(CircuitBreaker.State.CLOSED.gauge);
    }

    @Test
    void retriesWaitForAnExponentialBackoffUpToItsCapThenGiveUp() throws Exception {
        platform.answer(PlatformStandIn.Mode.FAIL);
        OutboxPolicy fiveAttempts = new OutboxPolicy(10_000, 5, Duration.ofHours(1), 100, Duration.ofSeconds(30));
        DurableActionSender sender = sender(fiveAttempts, "n1");
        Instant start = clock.instant();
        sender.enqueue(say(ALPHA, "again and again")).get(5, TimeUnit.SECONDS);

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            int made = attempt;
            pass(sender);
            OutboxRow row = awaitRows(rows -> rows.getFirst().attempts() == made).getFirst();
            Duration wait = Duration.between(clock.instant(), row.nextAttemptAt());
            waits.add(wait);
            clock.advance(wait.minusMillis(1));
            pass(sender);
            assertThat(platform.calls()).as("not before the wait is over").hasSize(attempt);
            clock.advance(Duration.ofMillis(1));
        }
        pass(sender);

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8));
        OutboxRow dead = awaitRows(rows -> rows.getFirst().isDead()).getFirst();
        assertThat(dead.attempts()).isEqualTo(5);
        assertThat(dead.lastError()).contains("out of attempts");
        assertThat(platform.calls()).hasSize(5);
        assertThat(actions(ActionMetrics.RETRIED)).isEqualTo(4.0);
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(15));
    }

    @Test
    void anActionOlderThanTheMaximumAgeIsGivenUpInsteadOfSent() throws Exception {
        platform.answer(PlatformStandIn.Mode.FAIL);
        OutboxPolicy tenMinutes = new OutboxPolicy(10_000, 100, Duration.ofMinutes(10), 100, Duration.ofSeconds(30));
        DurableActionSender sender = sender(tenMinutes, "n1");
        sender.enqueue(say(ALPHA, "stale soon")).get(5, TimeUnit.SECONDS);
        pass(sender);
        awaitRows(rows -> rows.getFirst().attempts() == 1);

        platform.answer(PlatformStandIn.Mode.ACCEPT);
        clock.advance(Duration.ofMinutes(11));
        pass(sender);

        OutboxRow row = awaitRows(rows -> rows.getFirst().isDead()).getFirst();
        assertThat(row.lastError()).contains("not delivered within");
        assertThat(platform.accepted()).isEmpty();
    }

    @Test
    void closingReleasesHeldRowsAndTheNextStartSendsThem() throws Exception {
        OutboxPolicy oneAMinute = new OutboxPolicy(1, 10, Duration.ofHours(1), 5, Duration.ofSeconds(30));
        DurableActionSender first = sender(oneAMinute, "before-restart");
        first.enqueue(say(ALPHA, "one").and(new SendMessage(ALPHA, Message.text("two")))).get(5, TimeUnit.SECONDS);
        pass(first);
        platform.await(1, in(ALPHA));
        assertThat(awaitRows(rows -> rows.size() == 1)).singleElement()
                .satisfies(row -> assertThat(row.claimedBy()).as("held over budget").isEqualTo("before-restart"));

        first.close();

        assertThat(store.rows(10)).singleElement().satisfies(row -> assertThat(row.claimedBy()).isNull());
        DurableActionSender second = sender(POLICY, "after-restart");
        pass(second);
        assertThat(platform.await(2, in(ALPHA))).extracting(PlatformStandIn.Call::body)
                .containsExactly("say one", "say two");
        awaitRows(List::isEmpty);
    }

    @Test
    void aReplyStoredWhileThePlatformWasDownIsDeliveredByTheNextStart() throws Exception {
        platform.goDown();
        DurableActionSender first = sender(POLICY, "before-restart");
        first.enqueue(say(ALPHA, "survives")).get(5, TimeUnit.SECONDS);
        pass(first);
        awaitRows(rows -> rows.getFirst().attempts() == 1);
        first.close();

        platform.listen();
        clock.advance(Duration.ofMinutes(1));
        DurableActionSender second = sender(POLICY, "after-restart");
        pass(second);

        assertThat(platform.await(1, in(ALPHA))).extracting(PlatformStandIn.Call::body).containsExactly("say survives");
        awaitRows(List::isEmpty);
    }

    @Test
    void twoNodesSharingTheDatabaseSendEveryRowOnceAndEachChatInOrder() throws Exception {
        DurableActionSender one = sender(POLICY, "node-1");
        DurableActionSender two = sender(POLICY, "node-2");
        List<ChatRef> chats = IntStream.range(0, 4).mapToObj(i -> ChatRef.of(HttpPlatformAdapter.PLATFORM, "c" + i)).toList();
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try {
            List<CompletableFuture<Void>> passes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                for (ChatRef chat : chats) {
                    (i % 2 == 0 ? one : two).enqueue(say(chat, Integer.toString(i))).get(5, TimeUnit.SECONDS);
                }
                passes.add(CompletableFuture.runAsync(one::pass, scheduler));
                passes.add(CompletableFuture.runAsync(two::pass, other));
            }
            CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 20 && !store.rows(1).isEmpty(); i++) {
                CompletableFuture.allOf(CompletableFuture.runAsync(one::pass, scheduler),
                        CompletableFuture.runAsync(two::pass, other)).get(10, TimeUnit.SECONDS);
                Thread.sleep(20);
            }
        } finally {
            other.shutdown();
        }

        List<String> expected = IntStream.range(0, 40).mapToObj(i -> "say " + i).toList();
        for (ChatRef chat : chats) {
            assertThat(platform.await(40, in(chat))).extracting(PlatformStandIn.Call::body)
                    .containsExactlyElementsOf(expected);
        }
        awaitRows(List::isEmpty);
        assertThat(platform.calls()).hasSize(160);
    }

    /** The real store, counting appends so a test can see that none happened. */
    private static final class CountingStore implements OutboxStore {
        final AtomicInteger appends = new AtomicInteger();
        private final OutboxStore store;

        CountingStore(OutboxStore store) {
            this.store = store;
        }

        @Override
        public void append(List<Action> actions, Instant at) {
            appends.incrementAndGet();
            store.append(actions, at);
        }

        @Override
        public List<OutboxRow> claim(String platform, String node, Instant now, Instant leaseUntil, int limit) {
            return store.claim(platform, node, now, leaseUntil, limit);
        }

        @Override
        public void renew(String node, Instant leaseUntil) {
            store.renew(node, leaseUntil);
        }

        @Override
        public void settle(String node, List<OutboxOutcome> outcomes) {
            store.settle(node, outcomes);
        }

        @Override
        public int releaseAll(String node) {
            return store.releaseAll(node);
        }

        @Override
        public OutboxCounts counts() {
            return store.counts();
        }

        @Override
        public List<OutboxRow> rows(int limit) {
            return store.rows(limit);
        }
    }
}
