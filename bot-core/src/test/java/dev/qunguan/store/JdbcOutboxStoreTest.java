package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.testing.TestStorage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcOutboxStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LEASE = T0.plusSeconds(20);
    private static final ChatRef ALPHA = ChatRef.of("onebot", "734001");
    private static final ChatRef BETA = ChatRef.of("onebot", "734002");

    @TempDir
    Path dir;

    private Database database;
    private OutboxStore outbox;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        outbox = database.stores().outbox();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static SendMessage say(ChatRef chat, String text) {
        return new SendMessage(chat, Message.text(text));
    }

    private static List<String> texts(List<OutboxRow> rows) {
        return rows.stream().map(row -> ((SendMessage) row.action()).message().plainText()).toList();
    }

    @Test
    void everyActionAndSegmentComesBackAsItWasStored() {
        List<Action> actions = List.of(
                new SendMessage(ALPHA, Message.of(new Segment.Quote("77"), new Segment.Mention("55501", "小明", false),
                        new Segment.Text(" 欢迎 {group} \"引号\"\n"), new Segment.MentionAll(),
                        new Segment.Mention("10001000", "bot", true), new Segment.Image("file://a.png"))),
                new DeleteMessage(ALPHA, MessageRef.of("9001")),
                new MuteMember(ALPHA, "55502", Duration.ofMinutes(10).plusMillis(5)),
                new RemoveMember(ChatRef.of("telegram", "-100123"), "u3"));

        outbox.append(actions, T0);

        List<OutboxRow> claimed = new ArrayList<>(outbox.claim("onebot", "n1", T0, LEASE, 10));
        claimed.addAll(outbox.claim("telegram", "n1", T0, LEASE, 10));
        assertThat(claimed).extracting(OutboxRow::action).containsExactlyElementsOf(actions);
        assertThat(claimed).allSatisfy(row -> {
            assertThat(row.enqueuedAt()).isEqualTo(T0);
            assertThat(row.attempts()).isZero();
            assertThat(row.claimedBy()).isEqualTo("n1");
        });
    }

    @Test
    void aClaimedRowIsNotClaimedAgainUntilItsLeaseRunsOut() {
        outbox.append(List.of(say(ALPHA, "once")), T0);

        assertThat(outbox.claim("onebot", "n1", T0, LEASE, 10)).hasSize(1);
        assertThat(outbox.claim("onebot", "n2", T0.plusSeconds(19), T0.plusSeconds(40), 10)).isEmpty();
        outbox.renew("n1", T0.plusSeconds(60));
        assertThat(outbox.claim("onebot", "n2", T0.plusSeconds(30), T0.plusSeconds(50), 10)).isEmpty();

        assertThat(outbox.claim("onebot", "n2", T0.plusSeconds(61), T0.plusSeconds(80), 10))
                .singleElement().extracting(OutboxRow::claimedBy).isEqualTo("n2");
    }

    @Test
    void aChatsLaterRowsWaitBehindAnEarlierRowThatWaitsForItsRetry() {
        outbox.append(List.of(say(ALPHA, "a1"), say(ALPHA, "a2"), say(BETA, "b1")), T0);
        List<OutboxRow> first = outbox.claim("onebot", "n1", T0, LEASE, 10);
        assertThat(texts(first)).containsExactly("a1", "a2", "b1");

        outbox.settle("n1", List.of(
                new OutboxOutcome.Retry(first.get(0).id(), 1, T0.plusSeconds(5), "HTTP 500"),
                new OutboxOutcome.Released(first.get(1).id(), T0),
                new OutboxOutcome.Done(first.get(2).id())));
        outbox.append(List.of(say(BETA, "b2")), T0.plusSeconds(1));

        assertThat(texts(outbox.claim("onebot", "n1", T0.plusSeconds(1), LEASE, 10))).containsExactly("b2");
        List<OutboxRow> later = outbox.claim("onebot", "n1", T0.plusSeconds(5), T0.plusSeconds(25), 10);
        assertThat(texts(later)).containsExactly("a1", "a2");
        assertThat(later.getFirst().attempts()).isEqualTo(1);
        assertThat(later.getFirst().lastError()).isEqualTo("HTTP 500");
    }

    @Test
    void deadLettersStayForInspectionButAreNeverClaimedNorBlockTheirChat() {
        outbox.append(List.of(say(ALPHA, "refused"), say(ALPHA, "next")), T0);
        List<OutboxRow> claimed = outbox.claim("onebot", "n1", T0, LEASE, 1);
        assertThat(texts(claimed)).containsExactly("refused");

        outbox.settle("n1", List.of(new OutboxOutcome.Dead(claimed.getFirst().id(), 1, T0, "retcode 100")));

        assertThat(texts(outbox.claim("onebot", "n1", T0, LEASE, 10))).containsExactly("next");
        assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 1));
        assertThat(outbox.rows(10).getFirst()).satisfies(row -> {
            assertThat(row.isDead()).isTrue();
            assertThat(row.lastError()).isEqualTo("retcode 100");
        });
    }

    @Test
    void outcomesFromANodeThatLostItsClaimChangeNothing() {
        outbox.append(List.of(say(ALPHA, "taken over")), T0);
        long id = outbox.claim("onebot", "n1", T0, LEASE, 10).getFirst().id();
        outbox.claim("onebot", "n2", LEASE.plusSeconds(1), LEASE.plusSeconds(30), 10);

        outbox.settle("n1", List.of(new OutboxOutcome.Done(id)));

        assertThat(outbox.rows(10)).singleElement().extracting(OutboxRow::claimedBy).isEqualTo("n2");
    }

    @Test
    void releasingANodesClaimsMakesItsRowsDueForAnyNodeAtOnce() {
        outbox.append(List.of(say(ALPHA, "a1"), say(BETA, "b1")), T0);
        outbox.claim("onebot", "n1", T0, LEASE, 10);

        assertThat(outbox.releaseAll("n1")).isEqualTo(2);

        assertThat(texts(outbox.claim("onebot", "n2", T0, LEASE, 10))).containsExactly("a1", "b1");
    }

    @Test
    void anUnreadableRowIsGivenUpInsteadOfBlockingItsChat() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox (platform, chat_id, action, enqueued_at, attempts, next_attempt_at, lease_until)
                        VALUES ('onebot', '734001', '{"type":"send_sticker"}', 0, 0, 0, 0)""")) {
            insert.executeUpdate();
        }
        outbox.append(List.of(say(ALPHA, "readable")), T0);

        assertThat(texts(outbox.claim("onebot", "n1", T0, LEASE, 10))).containsExactly("readable");
        assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 1));
    }

    @Test
    void nodesClaimingAtTheSameTimeNeverGetTheSameRow() throws Exception {
        int rows = 400;
        for (int i = 0; i < rows; i += 50) {
            int from = i;
            outbox.append(IntStream.range(from, from + 50)
                    .mapToObj(n -> (Action) say(ChatRef.of("onebot", "g" + (n % 7)), Integer.toString(n)))
                    .toList(), T0);
        }
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> claimers = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String node = "n" + n;
                claimers.add(CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 30; round++) {
                        for (OutboxRow row : outbox.claim("onebot", node, T0, LEASE, 7)) {
                            claimed.add(row.id());
                            outbox.settle(node, List.of(new OutboxOutcome.Done(row.id())));
                        }
                    }
                }, nodes));
            }
            CompletableFuture.allOf(claimers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            nodes.shutdown();
            assertThat(nodes.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        Set<Long> unique = new HashSet<>(claimed);
        assertThat(unique).as("no row claimed twice").hasSameSizeAs(claimed);
        assertThat(claimed.size() + outbox.counts().waiting()).isEqualTo(rows);
        assertThat(claimed).hasSizeGreaterThan(0);
    }
}
