package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code serve} processes on one PostgreSQL (embedded, so this runs on any machine), with
 * deliveries spread across them as a load balancer would: a delivery posted to both at once has one
 * effect, a member checking in on both at once succeeds once, and a burst of joins spread over both
 * is greeted in merged messages that mention every member once, even when one node is killed with
 * {@code kill -9} in the middle of the burst and the other has to fire the pending timer.
 */
final class TwoNodesIT {
    private static final String SELF_ID = OneBotPayloads.SELF_ID;
    private static final String SAME_DELIVERY_GROUP = "735001";
    private static final String CHECK_IN_GROUP = "735002";
    private static final String JOIN_GROUP = "735003";
    private static final int MERGE_WINDOW_SECONDS = 6;

    @TempDir
    Path dir;

    private EmbeddedPostgres postgres;
    private OneBotApiStandIn api;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ExecutorService clients = Executors.newFixedThreadPool(8);

    @BeforeEach
    void startDatabaseAndApi() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        api = new OneBotApiStandIn();
        Path scripts = dir.resolve("reply-scripts");
        Files.createDirectories(scripts);
        // Shorter than the default so the merged greeting comes within the test, longer than the burst.
        Files.writeString(scripts.resolve("default.yaml"),
                "settings:\n  welcome-merge-window: " + MERGE_WINDOW_SECONDS + "s\n");
    }

    @AfterEach
    void stopEverything() throws IOException {
        clients.shutdownNow();
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        api.close();
        http.close();
        postgres.close();
    }

    @Test
    void twoNodesOnOnePostgresHandleEachDeliveryOnceAndShareCheckInsAndGreetings() throws Exception {
        long started = System.nanoTime();
        // Started side by side: each JVM's start-up is most of this test's time.
        Future<Service> startingA = clients.submit(() -> startService("node-a"));
        Future<Service> startingB = clients.submit(() -> startService("node-b"));
        Service a = startingA.get();
        Service b = startingB.get();
        long time = System.currentTimeMillis() / 1000;
        long up = System.nanoTime();

        sameDeliveryOnBothNodesHasOneEffect(a, b, time);
        long sameDelivery = System.nanoTime();
        checkInsOnBothNodesSucceedOncePerMember(a, b, time);
        long checkIns = System.nanoTime();
        joinsSpreadOverBothNodesAreGreetedOnceEvenWhenOneIsKilled(a, b, time);
        System.out.printf("TwoNodesIT: start-up %d ms, same delivery %d ms, check-ins %d ms, joins %d ms%n",
                millis(up - started), millis(sameDelivery - up), millis(checkIns - sameDelivery),
                millis(System.nanoTime() - checkIns));
    }

    /** (a) Each delivery posted to both nodes at the same moment, twice over: one reply per delivery. */
    private void sameDeliveryOnBothNodesHasOneEffect(Service a, Service b, long time) throws Exception {
        int members = 30;
        List<String> bodies = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            bodies.add(OneBotPayloads.checkIn(SAME_DELIVERY_GROUP, Integer.toString(71_000 + m), 600_000 + m, time));
        }
        List<Future<Integer>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (String body : bodies) {
            for (Service node : List.of(a, b, a, b)) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return postUntilAcknowledged(node, body);
                }));
            }
        }
        go.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).isBetween(200, 299);
        }
        for (int m = 0; m < members; m++) {
            String member = Integer.toString(71_000 + m);
            api.awaitCall(call -> call.action().equals("send_group_msg") && addresses(call, member));
        }
        settle();
        for (int m = 0; m < members; m++) {
            String member = Integer.toString(71_000 + m);
            List<OneBotApiStandIn.Call> replies = repliesMentioning(SAME_DELIVERY_GROUP, member);
            assertThat(replies).as("replies to member %s's one delivery", member).hasSize(1);
            assertThat(replies.getFirst().text()).contains("成功");
        }
    }

    /** (b) Every member checks in with two different messages, one to each node, at once. */
    private void checkInsOnBothNodesSucceedOncePerMember(Service a, Service b, long time) throws Exception {
        int members = 40;
        List<Future<Integer>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int m = 0; m < members; m++) {
            String member = Integer.toString(72_000 + m);
            String toA = OneBotPayloads.checkIn(CHECK_IN_GROUP, member, 700_000 + 2L * m, time);
            String toB = OneBotPayloads.checkIn(CHECK_IN_GROUP, member, 700_001 + 2L * m, time);
            answers.add(clients.submit(() -> {
                go.await();
                return postUntilAcknowledged(a, toA);
            }));
            answers.add(clients.submit(() -> {
                go.await();
                return postUntilAcknowledged(b, toB);
            }));
        }
        go.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).isBetween(200, 299);
        }
        for (int m = 0; m < members; m++) {
            String member = Integer.toString(72_000 + m);
            api.awaitCall(call -> call.action().equals("send_group_msg") && addresses(call, member)
                    && call.text().contains("已签到"));
        }
        settle();
        for (int m = 0; m < members; m++) {
            String member = Integer.toString(72_000 + m);
            List<String> texts = repliesMentioning(CHECK_IN_GROUP, member).stream()
                    .map(OneBotApiStandIn.Call::text).toList();
            assertThat(texts).as("replies to member %s", member).hasSize(2);
            assertThat(texts).filteredOn(text -> text.contains("成功")).hasSize(1);
            assertThat(texts).filteredOn(text -> text.contains("已签到")).hasSize(1);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            Set<Integer> places = new HashSet<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT day_order FROM check_in WHERE chat_id = '" + CHECK_IN_GROUP + "'")) {
                while (rows.next()) {
                    places.add(rows.getInt(1));
                }
            }
            assertThat(places).as("one check-in per member, each with its own place").hasSize(members)
                    .allMatch(place -> place >= 1 && place <= members);
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COUNT(*), MIN(total), MAX(total), MAX(streak) FROM check_in_tally WHERE chat_id = '"
                            + CHECK_IN_GROUP + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).as("leaderboard entries").isEqualTo(members);
                assertThat(List.of(rows.getInt(2), rows.getInt(3), rows.getInt(4))).as("totals and streaks")
                        .containsOnly(1);
            }
        }
    }

    /**
     * (c) One join greeted at once, then a burst spread over both nodes waiting for the merged greeting;
     * node A dies with {@code kill -9} half-way, joins it did not acknowledge go to node B (as a platform
     * retries), and the merged greeting, whichever node fires it, mentions every member exactly once.
     */
    private void joinsSpreadOverBothNodesAreGreetedOnceEvenWhenOneIsKilled(Service a, Service b, long time)
            throws Exception {
        String first = "73000";
        assertThat(postUntilAcknowledged(b, join(JOIN_GROUP, first, time))).isBetween(200, 299);
        api.awaitCall(call -> call.action().equals("send_group_msg") && call.mentions(first));

        int burst = 60;
        int killAfter = 20;
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= burst; i++) {
            members.add(Integer.toString(73_000 + i));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        List<Future<?>> senders = new ArrayList<>();
        int clientsPerNode = 2;
        for (int c = 0; c < 2 * clientsPerNode; c++) {
            int client = c;
            senders.add(clients.submit(() -> {
                for (int i = client; i < members.size(); i += 2 * clientsPerNode) {
                    String member = members.get(i);
                    String body = join(JOIN_GROUP, member, time);
                    Service node = client % 2 == 0 && !killed.get() ? a : b;
                    int status;
                    try {
                        status = post(node, body).statusCode();
                    } catch (IOException deadNode) {
                        status = 0;
                    }
                    if (status < 200 || status > 299) {
                        status = postUntilAcknowledged(b, body); // the platform retries elsewhere
                    }
                    assertThat(status).isBetween(200, 299);
                    acknowledged.add(member);
                    if (acknowledged.size() >= killAfter && killed.compareAndSet(false, true)) {
                        a.process().destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
                    }
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get(90, TimeUnit.SECONDS);
        }
        assertThat(killed).as("node A was killed during the burst").isTrue();
        assertThat(acknowledged).hasSize(burst);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (System.nanoTime() < deadline && !members.stream().allMatch(m -> !repliesMentioning(JOIN_GROUP, m).isEmpty())) {
            Thread.sleep(100);
        }
        // Long enough for a duplicate greeting from the other node, had both fired the timer, to arrive.
        Thread.sleep(TimeUnit.SECONDS.toMillis(2));
        Map<String, Integer> mentions = new HashMap<>();
        List<OneBotApiStandIn.Call> greetings = api.calls().stream()
                .filter(call -> call.action().equals("send_group_msg"))
                .filter(call -> call.params().path("group_id").asText().equals(JOIN_GROUP))
                .toList();
        for (OneBotApiStandIn.Call greeting : greetings) {
            for (String member : members) {
                if (greeting.mentions(member)) {
                    mentions.merge(member, 1, Integer::sum);
                }
            }
        }
        for (String member : members) {
            assertThat(mentions.getOrDefault(member, 0)).as("greetings mentioning member %s", member).isEqualTo(1);
        }
        assertThat(greetings.size()).as("merged greetings, not one per member").isLessThan(burst / 2);
        System.out.printf("TwoNodesIT: %d joins, node A killed after %d acknowledgements, %d greeting messages%n",
                burst, killAfter, greetings.size());
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Waits for stray second effects, had there been any, to arrive. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1_000);
    }

    private List<OneBotApiStandIn.Call> repliesMentioning(String group, String member) {
        return api.calls().stream()
                .filter(call -> call.action().equals("send_group_msg"))
                .filter(call -> call.params().path("group_id").asText().equals(group))
                .filter(call -> addresses(call, member))
                .toList();
    }

    /** Check-in replies quote the message and name the member; greetings mention (at) them. */
    private static boolean addresses(OneBotApiStandIn.Call call, String member) {
        return call.mentions(member) || call.text().contains("成员" + member + " ");
    }

    private static String join(String group, String user, long time) {
        return """
                {"time":%d,"self_id":%s,"post_type":"notice","notice_type":"group_increase","sub_type":"approve",\
                "group_id":%s,"operator_id":0,"user_id":%s}""".formatted(time, SELF_ID, group, user);
    }

    /** Posts until a 2xx, as a platform redelivers after a 503 (bounded). */
    private int postUntilAcknowledged(Service node, String body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = post(node, body).statusCode();
            if (status >= 200 && status <= 299) {
                return status;
            }
            Thread.sleep(200);
        }
        return status;
    }

    private HttpResponse<String> post(Service node, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/webhook/onebot"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private record Service(Process process, int port) {}

    private Service startService(String nodeId) throws Exception {
        Path config = dir.resolve(nodeId + ".yaml");
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                  port: 0
                  node-id: %s
                storage:
                  url: %s
                  username: postgres
                platforms:
                  onebot:
                    api-url: %s
                bot:
                  scripts-dir: %s
                  send-limit-per-minute: 100000
                """.formatted(nodeId, postgres.getJdbcUrl("postgres", "postgres"), api.url(),
                dir.resolve("reply-scripts")));
        ServeProcess started = ServeProcess.start(config, dir, "two-nodes-it-" + nodeId);
        processes.add(started.process());
        return new Service(started.process(), started.port());
    }
}
