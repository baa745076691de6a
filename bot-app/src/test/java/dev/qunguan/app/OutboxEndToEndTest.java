package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.action.SendMessage;
import dev.qunguan.config.ConfigLoader;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.runtime.BotRuntime;
import dev.qunguan.store.Database;
import dev.qunguan.store.OutboxRow;
import dev.qunguan.testing.TestStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox through the whole service: the webhook, the real OneBot adapter and a stand-in OneBot API
 * that can be made to fail. Replies survive a platform outage and a restart, and a webhook is only
 * acknowledged once its reply is stored.
 */
final class OutboxEndToEndTest {
    private static final String GROUP = "734501";
    private static final String SELF = "10001000";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private OneBotApiStandIn api;
    private BotRuntime bot;

    @BeforeEach
    void start() {
        api = new OneBotApiStandIn();
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        api.close();
        http.close();
    }

    private BotRuntime startBot() {
        QunguanConfig config = ConfigLoader.withEnvironment(Map.of()).parse("""
                server:
                  port: 0
                %s
                platforms:
                  onebot:
                    api-url: %s
                bot:
                  scripts-dir: %s
                  send-limit-per-minute: 1000
                outbound:
                  breaker-failures: 3
                  breaker-cool-down: 1s
                """.formatted(TestStorage.yaml(dir).strip(), api.url(), dir.resolve("scripts")), "test");
        return Wiring.runtime(config).serveWebhooks(true).start();
    }

    /** The id of the message a reply quotes (check-in replies quote the check-in), or "" if none. */
    private static String quoted(OneBotApiStandIn.Call reply) {
        for (var segment : reply.params().path("message")) {
            if (segment.path("type").asText().equals("reply")) {
                return segment.path("data").path("id").asText();
            }
        }
        return "";
    }

    /** Posts member {@code userId}'s 签到 as message {@code messageId}. */
    private HttpResponse<String> checkIn(String userId, int messageId) throws Exception {
        String body = """
                {"time":%d,"self_id":%s,"post_type":"message","message_type":"group","sub_type":"normal",\
                "message_id":%d,"group_id":%s,"user_id":%s,"anonymous":null,\
                "message":[{"type":"text","data":{"text":"签到"}}],"raw_message":"签到","font":0,\
                "sender":{"user_id":%s,"nickname":"成员%s","card":"","role":"member"}}"""
                .formatted(System.currentTimeMillis() / 1000, SELF, messageId, GROUP, userId,
                        userId, userId);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhook/onebot"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private List<OneBotApiStandIn.Call> awaitReplies(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<OneBotApiStandIn.Call> replies = api.calls().stream()
                    .filter(call -> call.action().equals("send_group_msg")).toList();
            if (replies.size() >= count) {
                return replies;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " replies within 20 s; calls were " + api.calls());
    }

    private String metric(String name) throws Exception {
        String scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return scrape.lines().filter(line -> line.startsWith(name)).findFirst().orElse("");
    }

    @Test
    void anAcknowledgedReplyIsStoredBeforeTheAnswerAndArrivesAfterARestart() throws Exception {
        api.failWith(500);
        bot = startBot();

        assertThat(checkIn("66001", 701).statusCode()).isBetween(200, 299);

        try (Database same = Database.open(TestStorage.forDirectory(dir))) {
            assertThat(same.stores().outbox().rows(10)).singleElement()
                    .extracting(OutboxRow::action).isInstanceOfSatisfying(SendMessage.class,
                            reply -> assertThat(reply.message().plainText()).contains("签到成功"));
        }
        bot.close();
        bot = null;

        api.recover();
        bot = startBot();

        OneBotApiStandIn.Call reply = awaitReplies(1).getFirst();
        assertThat(reply.text()).contains("签到成功");
        assertThat(quoted(reply)).isEqualTo("701");
        assertThat(reply.params().path("group_id").asText()).isEqualTo(GROUP);
    }

    @Test
    void repliesWaitOutAnOutageBehindTheBreakerAndArriveOnceInOrder() throws Exception {
        api.failWith(503);
        bot = startBot();
        List<String> members = IntStream.range(0, 5).mapToObj(i -> Integer.toString(66100 + i)).toList();
        for (int i = 0; i < members.size(); i++) {
            assertThat(checkIn(members.get(i), 800 + i).statusCode()).isBetween(200, 299);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!metric("qunguan_outbound_breaker_state").endsWith(" 2.0") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(metric("qunguan_outbound_breaker_state")).as("breaker open").endsWith(" 2.0");
        assertThat(api.calls()).as("nothing delivered during the outage").isEmpty();

        api.recover();

        List<OneBotApiStandIn.Call> replies = awaitReplies(members.size());
        for (int i = 0; i < members.size(); i++) {
            assertThat(quoted(replies.get(i))).as("reply %d answers %s", i, members.get(i)).isEqualTo(Integer.toString(800 + i));
        }
        Thread.sleep(300);
        assertThat(awaitReplies(0)).as("each reply once").hasSize(members.size());
        assertThat(api.failedCalls()).as("calls that hit the outage").isGreaterThanOrEqualTo(3);
    }
}
