package dev.qunguan.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.adapter.PlatformAdapter;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ActionSenderTest {
    private static final ChatRef GROUP = ChatRef.of("test", "g1");
    private static final Duration ONE_TOKEN = Duration.ofSeconds(3);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T08:00:00Z"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private RecordingAdapter adapter = new RecordingAdapter(action -> CompletableFuture.completedFuture(null));
    private ActionSender sender = sender(adapter, 20);

    @AfterEach
    void stop() {
        sender.close();
        scheduler.shutdownNow();
    }

    private ActionSender sender(PlatformAdapter platformAdapter, int perMinute) {
        return ActionSenders.rateLimited(Map.of("test", platformAdapter), perMinute, clock, scheduler, registry);
    }

    private void use(Function<Action, CompletionStage<Void>> outcome, int perMinute) {
        sender.close();
        adapter = new RecordingAdapter(outcome);
        sender = sender(adapter, perMinute);
    }

    private static SendMessage say(ChatRef chat, String text) {
        return new SendMessage(chat, Message.text(text));
    }

    private static String textOf(Action action) {
        return ((SendMessage) action).message().plainText();
    }

    private List<Action> take(int count) throws InterruptedException {
        List<Action> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Action action = adapter.performed.poll(5, TimeUnit.SECONDS);
            assertThat(action).as("action %d of %d", i + 1, count).isNotNull();
            taken.add(action);
        }
        return taken;
    }

    private double actions(String action, String outcome) {
        return registry.get("qunguan.actions").tags("platform", "test", "action", action, "outcome", outcome)
                .counter().count();
    }

    @Test
    void sendsTwentyMessagesAMinuteThenMergesTheRestIntoOneWhenATokenFrees() throws Exception {
        for (int i = 1; i <= 25; i++) {
            sender.send(Reply.of(say(GROUP, "m" + i)));
        }
        // Deletes are unpaced and delivered in order, so once it arrives everything sendable went before it.
        sender.send(Reply.of(new DeleteMessage(GROUP, MessageRef.of("spam"))));

        List<Action> firstMinute = take(21);
        assertThat(firstMinute.subList(0, 20)).extracting(ActionSenderTest::textOf)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> "m" + i).toList());
        assertThat(firstMinute.get(20)).isInstanceOf(DeleteMessage.class);

        clock.advance(ONE_TOKEN);
        SendMessage merged = (SendMessage) take(1).getFirst();

        Segment newline = new Segment.Text("\n");
        assertThat(merged.chat()).isEqualTo(GROUP);
        assertThat(merged.message().segments()).containsExactly(
                new Segment.Text("m21"), newline, new Segment.Text("m22"), newline, new Segment.Text("m23"), newline,
                new Segment.Text("m24"), newline, new Segment.Text("m25"));
    }

    @Test
    void neverDelaysModerationActionsBehindHeldMessages() throws Exception {
        for (int i = 1; i <= 21; i++) {
            sender.send(Reply.of(say(GROUP, "m" + i)));
        }

        sender.send(Reply.of(
                new MuteMember(GROUP, "u1", Duration.ofMinutes(10)),
                new RemoveMember(GROUP, "u2"),
                new DeleteMessage(GROUP, MessageRef.of("ad"))));

        List<Action> delivered = take(23);
        assertThat(delivered.subList(20, 23)).extracting(Action::getClass)
                .containsExactly(MuteMember.class, RemoveMember.class, DeleteMessage.class);
        assertThat(delivered).noneMatch(a -> a instanceof SendMessage s && s.message().plainText().equals("m21"));
    }

    @Test
    void deliversEachChatsActionsOneAfterAnotherInOrder() throws Exception {
        ScheduledExecutorService network = Executors.newScheduledThreadPool(4);
        try {
            // Each call "lands" after a random delay; only strictly chained calls can land in sending order.
            BlockingQueue<Action> landed = new LinkedBlockingQueue<>();
            use(action -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                network.schedule(() -> {
                    landed.add(action);
                    done.complete(null);
                }, ThreadLocalRandom.current().nextInt(500), TimeUnit.MICROSECONDS);
                return done;
            }, 1_000);
            List<ChatRef> chats = List.of(ChatRef.of("test", "a"), ChatRef.of("test", "b"), ChatRef.of("test", "c"));
            for (int i = 0; i < 30; i++) {
                for (ChatRef chat : chats) {
                    sender.send(i % 3 == 0
                            ? Reply.of(new DeleteMessage(chat, MessageRef.of(Integer.toString(i))))
                            : Reply.of(say(chat, Integer.toString(i))));
                }
            }

            List<Action> arrived = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                arrived.add(landed.poll(5, TimeUnit.SECONDS));
            }

            List<String> expected = IntStream.range(0, 30).mapToObj(Integer::toString).toList();
            for (ChatRef chat : chats) {
                assertThat(arrived).filteredOn(a -> a.chat().equals(chat))
                        .extracting(a -> a instanceof DeleteMessage d ? d.message().id() : textOf(a))
                        .containsExactlyElementsOf(expected);
            }
        } finally {
            network.shutdownNow();
        }
    }

    @Test
    void logsAndCountsAdapterFailuresWithoutThrowingOrStallingTheChat() throws Exception {
        use(action -> switch (textOf(action)) {
                case "throws" -> throw new IllegalStateException("adapter bug");
                case "fails" -> CompletableFuture.failedFuture(new IllegalStateException("platform said no"));
                default -> CompletableFuture.completedFuture(null);
            }, 20);

        assertThatCode(() -> sender.send(Reply.of(say(GROUP, "throws"), say(GROUP, "fails"), say(GROUP, "fine"))))
                .doesNotThrowAnyException();

        List<String> attempted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attempted.add(textOf(adapter.performed.poll(5, TimeUnit.SECONDS)));
        }
        assertThat(attempted).containsExactly("throws", "fails", "fine");
        sender.close();
        assertThat(actions("send_message", "failed")).isEqualTo(2.0);
        assertThat(actions("send_message", "sent")).isEqualTo(1.0);
    }

    @Test
    void dropsActionsForAPlatformWithoutAnAdapter() {
        ChatRef elsewhere = ChatRef.of("nowhere", "g1");

        assertThatCode(() -> sender.send(Reply.of(say(elsewhere, "hi")))).doesNotThrowAnyException();

        assertThat(registry.get("qunguan.actions").tags("platform", "nowhere", "outcome", "unroutable").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void sharesOneBudgetBetweenTryAcquireAndSentMessages() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(sender.tryAcquire(GROUP)).isTrue();
        }
        assertThat(sender.tryAcquire(GROUP)).isFalse();
        assertThat(sender.tryAcquire(ChatRef.of("test", "other"))).as("budgets are per chat").isTrue();

        sender.send(Reply.of(say(GROUP, "held")));
        clock.advance(ONE_TOKEN);
        assertThat(sender.tryAcquire(GROUP)).as("a held message goes first").isFalse();

        assertThat(textOf(take(1).getFirst())).isEqualTo("held");
    }

    @Test
    void dropsTheOldestHeldMessageWhenAChatHoldsTooMany() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(sender.tryAcquire(GROUP)).isTrue();
        }
        for (int i = 1; i <= ActionSenders.MAX_HELD_PER_CHAT + 1; i++) {
            sender.send(Reply.of(say(GROUP, "h" + i)));
        }

        clock.advance(ONE_TOKEN);
        SendMessage merged = (SendMessage) take(1).getFirst();

        List<Segment> texts = merged.message().segments().stream().filter(s -> !s.equals(new Segment.Text("\n"))).toList();
        assertThat(texts).hasSize(ActionSenders.MAX_HELD_PER_CHAT)
                .startsWith(new Segment.Text("h2"))
                .endsWith(new Segment.Text("h" + (ActionSenders.MAX_HELD_PER_CHAT + 1)));
        assertThat(actions("send_message", "dropped")).isEqualTo(1.0);
    }

    @Test
    void sendsWhatIsStillHeldWhenClosed() throws Exception {
        for (int i = 0; i < 20; i++) {
            sender.tryAcquire(GROUP);
        }
        sender.send(Reply.of(say(GROUP, "a"), say(GROUP, "b")));

        sender.close();

        assertThat(take(1).getFirst()).isEqualTo(new SendMessage(GROUP, Message.of(
                new Segment.Text("a"), new Segment.Text("\n"), new Segment.Text("b"))));
    }

    /** Records every call, then answers with the test's chosen outcome. */
    private static final class RecordingAdapter implements PlatformAdapter {
        final BlockingQueue<Action> performed = new LinkedBlockingQueue<>();
        private final Function<Action, CompletionStage<Void>> outcome;

        RecordingAdapter(Function<Action, CompletionStage<Void>> outcome) {
            this.outcome = outcome;
        }

        @Override
        public String platform() {
            return "test";
        }

        @Override
        public List<WebhookRoute> routes() {
            return List.of();
        }

        @Override
        public CompletionStage<Void> perform(Action action) {
            performed.add(action);
            return outcome.apply(action);
        }
    }
}
