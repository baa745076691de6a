package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.config.ConfigLoader;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.runtime.BotRuntime;
import dev.qunguan.testing.TestStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service as a group owner runs it: the real webhook server on a random port, the OneBot
 * adapter, the handler chain, a SQLite file, and a stand-in OneBot HTTP API recording what the bot did.
 */
final class OneBotEndToEndTest {
    private static final String SECRET = "e2e-secret";
    private static final String GROUP = "734001";
    private static final String SELF = "10001000";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger messageIds = new AtomicInteger(100);
    private OneBotApiStandIn api;
    private BotRuntime bot;

    @BeforeEach
    void start() {
        api = new OneBotApiStandIn();
        bot = startBot();
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    private BotRuntime startBot() {
        QunguanConfig config = ConfigLoader.withEnvironment(Map.of()).parse("""
                server:
                  port: 0
                %s
                platforms:
                  onebot:
                    secret: %s
                    api-url: %s
                    access-token: e2e-token
                bot:
                  scripts-dir: %s
                """.formatted(TestStorage.yaml(dir).strip(), SECRET, api.url(), dir.resolve("scripts")), "test");
        return Wiring.runtime(config).serveWebhooks(true).start();
    }

    @Test
    void signedJoinGivesOneWelcomeThatMentionsTheMember() throws Exception {
        HttpResponse<String> response = post(signed(join("55501")));

        assertThat(response.statusCode()).isBetween(200, 204);
        OneBotApiStandIn.Call welcome = api.awaitCall(c -> c.action().equals("send_group_msg"));
        assertThat(welcome.params().path("group_id").asText()).isEqualTo(GROUP);
        assertThat(welcome.mentions("55501")).isTrue();
        assertThat(welcome.authorization()).isEqualTo("Bearer e2e-token");
        Thread.sleep(300);
        assertThat(api.calls()).filteredOn(c -> c.action().equals("send_group_msg")).hasSize(1);
    }

    @Test
    void checkInCountsOnceADayEvenAcrossARestartAndShowsOnTheLeaderboard() throws Exception {
        post(signed(message("55502", "小明", "签到")));
        assertThat(api.awaitCall(c -> c.text().contains("连续")).text()).contains("连续1天");

        api.clear();
        post(signed(message("55502", "小明", "签到")));
        assertThat(api.awaitCall(c -> c.action().equals("send_group_msg")).text()).contains("已签到");

        bot.close();
        bot = startBot();
        api.clear();
        post(signed(message("55502", "小明", "签到")));
        assertThat(api.awaitCall(c -> c.action().equals("send_group_msg")).text()).contains("已签到");

        api.clear();
        post(signed(message("55502", "小明", "签到排行")));
        assertThat(api.awaitCall(c -> c.action().equals("send_group_msg")).text()).contains("小明");
    }

    @Test
    void obviousAdIsDeletedAndTheSenderWarnedWithoutRepeatingIt() throws Exception {
        String ad = "加微信 abc12345 领取免费福利，兼职日结300元";
        int adId = messageIds.incrementAndGet();

        post(signed(message("55503", "路人", ad, adId)));

        OneBotApiStandIn.Call delete = api.awaitCall(c -> c.action().equals("delete_msg"));
        assertThat(delete.params().path("message_id").asInt()).isEqualTo(adId);
        OneBotApiStandIn.Call warning = api.awaitCall(c -> c.action().equals("send_group_msg"));
        assertThat(warning.mentions("55503")).isTrue();
        assertThat(warning.text()).doesNotContain("abc12345").doesNotContain("兼职");
    }

    @Test
    void repeatedDeliveryHasOneEffect() throws Exception {
        String event = message("55504", "小红", "签到", 4242);

        post(signed(event));
        post(signed(event));

        api.awaitCall(c -> c.text().contains("连续"));
        Thread.sleep(300);
        assertThat(api.calls()).filteredOn(c -> c.action().equals("send_group_msg")).hasSize(1);
    }

    @Test
    void badSignatureIsRefusedWith401() throws Exception {
        HttpResponse<String> response = post(new Signed(message("55505", "x", "签到"), "sha1=" + "0".repeat(40)));
        HttpResponse<String> unsigned = post(new Signed(message("55505", "x", "签到"), null));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(response.body()).startsWith("{\"error\"");
    }

    @Test
    void malformedBodyIsRefusedWith400() throws Exception {
        HttpResponse<String> response = post(signed("{\"post_type\": \"message\", oops"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\"");
    }

    @Test
    void twoMebibyteBodyIsRefusedWith413() throws Exception {
        String huge = "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        HttpResponse<String> response = post(signed(huge));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void healthReadinessAndMetricsAnswerWithEventsByTypeLatencyHistogramsAndDecisions() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        post(signed(message("55506", "小刚", "你好")));
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(uri("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains(
                "qunguan_events_total{platform=\"onebot\",type=\"MessageReceived\"}",
                "qunguan_dispatcher_processing_seconds_bucket{platform=\"onebot\",type=\"MessageReceived\"",
                "qunguan_classifier_decisions_total{label=\"normal\"}",
                "qunguan_webhook_requests_total{route=\"/webhook/onebot\",status=");
    }

    private record Signed(String body, String signature) {}

    private Signed signed(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return new Signed(body, "sha1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))));
    }

    private HttpResponse<String> post(Signed request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/webhook/onebot"))
                .header("Content-Type", "application/json")
                .header("X-Self-ID", SELF)
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (request.signature() != null) {
            builder.header("X-Signature", request.signature());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + bot.port() + path);
    }

    private String message(String userId, String name, String text) {
        return message(userId, name, text, messageIds.incrementAndGet());
    }

    private String message(String userId, String name, String text, int messageId) {
        return """
                {"time":%d,"self_id":%s,"post_type":"message","message_type":"group","sub_type":"normal",\
                "message_id":%d,"group_id":%s,"user_id":%s,"anonymous":null,\
                "message":[{"type":"text","data":{"text":"%s"}}],"raw_message":"%s","font":0,\
                "sender":{"user_id":%s,"nickname":"%s","card":"","role":"member"}}"""
                .formatted(System.currentTimeMillis() / 1000, SELF, messageId, GROUP, userId, text, text, userId, name);
    }

    private String join(String userId) {
        return """
                {"time":%d,"self_id":%s,"post_type":"notice","notice_type":"group_increase","sub_type":"approve",\
                "group_id":%s,"operator_id":0,"user_id":%s}""".formatted(System.currentTimeMillis() / 1000, SELF, GROUP, userId);
    }
}
