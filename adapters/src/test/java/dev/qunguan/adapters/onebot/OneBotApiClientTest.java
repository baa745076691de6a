package dev.qunguan.adapters.onebot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.SendMessage;
import dev.qunguan.config.OneBotConfig;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class OneBotApiClientTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "736281945");
    private static final String TOKEN = "kSLuTF2GC2Q4q4ugm3";
    private static final String OK = "{\"status\":\"ok\",\"retcode\":0,\"data\":null}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RetryBackoff QUICK_RETRIES = new RetryBackoff(Duration.ofMillis(1), Duration.ZERO, new Random(7));

    /** One request as the stand-in OneBot implementation saw it. */
    record Recorded(String method, String path, @Nullable String authorization, @Nullable String contentType, JsonNode body) {}

    private record Scripted(int status, String body) {}

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> answers = new ArrayDeque<>();
    private HttpServer server;
    private HttpClient http;

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
            Scripted answer;
            synchronized (answers) {
                answer = answers.isEmpty() ? new Scripted(200, OK) : answers.remove();
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(out);
            }
        });
        server.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
        http.close();
    }

    @Test
    void sendsAGroupMessageAsASegmentArrayToSendGroupMsg() throws Exception {
        Message message = Message.of(new Segment.Quote("1820442371"), new Segment.Mention("2233445566", "小王", false),
                new Segment.Text(" 欢迎 [新人] & 朋友"), new Segment.MentionAll(), new Segment.Image("https://example.com/a.png"));

        succeeds(adapter(TOKEN, 3).perform(new SendMessage(GROUP, message)));

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/send_group_msg");
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.body()).isEqualTo(JSON.readTree("""
                    {"group_id":736281945,"message":[
                      {"type":"reply","data":{"id":"1820442371"}},
                      {"type":"at","data":{"qq":"2233445566"}},
                      {"type":"text","data":{"text":" 欢迎 [新人] & 朋友"}},
                      {"type":"at","data":{"qq":"all"}},
                      {"type":"image","data":{"file":"https://example.com/a.png"}}]}"""));
        });
    }

    @Test
    void sendsTheAccessTokenAsABearerAuthorization() throws Exception {
        succeeds(adapter(TOKEN, 3).perform(new SendMessage(GROUP, Message.text("hi"))));

        assertThat(requests).singleElement().extracting(Recorded::authorization).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void sendsNoAuthorizationWhenNoTokenIsConfigured() throws Exception {
        succeeds(adapter("", 3).perform(new SendMessage(GROUP, Message.text("hi"))));

        assertThat(requests).singleElement().extracting(Recorded::authorization).isNull();
    }

    @Test
    void deletesAMessageByItsNumericId() throws Exception {
        succeeds(adapter(TOKEN, 3).perform(new DeleteMessage(GROUP, MessageRef.of("-2147480001"))));

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/delete_msg");
            assertThat(request.body()).isEqualTo(JSON.readTree("{\"message_id\":-2147480001}"));
        });
    }

    @Test
    void mutesAMemberForTheDurationInSeconds() throws Exception {
        succeeds(adapter(TOKEN, 3).perform(new MuteMember(GROUP, "2233445566", Duration.ofMinutes(10))));

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/set_group_ban");
            assertThat(request.body())
                    .isEqualTo(JSON.readTree("{\"group_id\":736281945,\"user_id\":2233445566,\"duration\":600}"));
        });
    }

    @Test
    void removesAMemberWithoutBlockingTheirReturn() throws Exception {
        succeeds(adapter(TOKEN, 3).perform(new RemoveMember(GROUP, "2233445566")));

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/set_group_kick");
            assertThat(request.body()).isEqualTo(JSON.readTree(
                    "{\"group_id\":736281945,\"user_id\":2233445566,\"reject_add_request\":false}"));
        });
    }

    @Test
    void appendsTheActionToAnApiUrlWithAPathAndTrailingSlash() throws Exception {
        OneBotConfig config = new OneBotConfig(true, "", baseUrl() + "/onebot/", TOKEN, false, Duration.ofSeconds(5), 0);

        succeeds(OneBotAdapter.create(config, http, OneBotRequests.CLOCK, QUICK_RETRIES)
                .perform(new RemoveMember(GROUP, "1")));

        assertThat(requests).singleElement().extracting(Recorded::path).isEqualTo("/onebot/set_group_kick");
    }

    @Test
    void retriesAfterAServerErrorThenSucceeds() throws Exception {
        answer(500, "");

        succeeds(adapter(TOKEN, 3).perform(new DeleteMessage(GROUP, MessageRef.of("12"))));

        assertThat(requests).hasSize(2).extracting(Recorded::path).containsOnly("/delete_msg");
    }

    @Test
    void retriesWhenRateLimited() throws Exception {
        answer(429, "");

        succeeds(adapter(TOKEN, 3).perform(new SendMessage(GROUP, Message.text("hi"))));

        assertThat(requests).hasSize(2);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 5; i++) {
            answer(502, "");
        }

        Throwable failure = failure(adapter(TOKEN, 2).perform(new SendMessage(GROUP, Message.text("hi"))));

        assertThat(failure).isInstanceOf(OneBotApiException.class).hasMessageContaining("HTTP 502");
        assertThat(requests).hasSize(3);
    }

    @Test
    void doesNotRetryARefusedToken() {
        answer(403, "");

        Throwable failure = failure(adapter(TOKEN, 3).perform(new MuteMember(GROUP, "2233445566", Duration.ofMinutes(1))));

        assertThat(failure).isInstanceOf(OneBotApiException.class)
                .hasMessageContaining("set_group_ban")
                .hasMessageContaining("HTTP 403")
                .hasMessageNotContaining(TOKEN);
        assertThat(requests).hasSize(1);
    }

    @Test
    void doesNotRetryAnUnknownAction() {
        answer(404, "");

        Throwable failure = failure(adapter(TOKEN, 3).perform(new RemoveMember(GROUP, "2233445566")));

        assertThat(failure).hasMessageContaining("HTTP 404");
        assertThat(requests).hasSize(1);
    }

    @Test
    void failsWithoutRetryWhenTheAnswerSaysStatusFailed() {
        answer(200, "{\"status\":\"failed\",\"retcode\":100,\"data\":null,\"message\":\"\",\"wording\":\"消息不存在\"}");

        Throwable failure = failure(adapter(TOKEN, 3).perform(new DeleteMessage(GROUP, MessageRef.of("12"))));

        assertThat(failure).isInstanceOf(OneBotApiException.class)
                .hasMessageContaining("delete_msg")
                .hasMessageContaining("retcode 100")
                .hasMessageContaining("消息不存在");
        assertThat(requests).hasSize(1);
    }

    @Test
    void retriesTransportErrorsThenReportsTheCause() {
        String deadUrl = baseUrl();
        server.stop(0); // nothing listens on the port any more: every attempt is refused

        OneBotConfig config = new OneBotConfig(true, "", deadUrl, TOKEN, false, Duration.ofSeconds(5), 2);
        Throwable failure = failure(OneBotAdapter.create(config, http, OneBotRequests.CLOCK, QUICK_RETRIES)
                .perform(new SendMessage(GROUP, Message.text("hi"))));

        assertThat(failure).isInstanceOf(OneBotApiException.class).hasMessageContaining("after 3 attempt(s)");
        assertThat(failure).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void refusesAChatThatIsNotANumericGroupWithoutCallingTheApi() {
        Action action = new SendMessage(ChatRef.of("onebot", "not-a-group"), Message.text("hi"));

        Throwable failure = failure(adapter(TOKEN, 3).perform(action));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group_id");
        assertThat(requests).isEmpty();
    }

    @Test
    void refusesAnotherPlatformsChatWithoutCallingTheApi() {
        Throwable failure = failure(adapter(TOKEN, 3).perform(new RemoveMember(ChatRef.of("telegram", "-100123"), "1")));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).isEmpty();
    }

    private OneBotAdapter adapter(String token, int retries) {
        OneBotConfig config = new OneBotConfig(true, "", baseUrl(), token, false, Duration.ofSeconds(5), retries);
        return OneBotAdapter.create(config, http, OneBotRequests.CLOCK, QUICK_RETRIES);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(int status, String body) {
        synchronized (answers) {
            answers.add(new Scripted(status, body));
        }
    }

    private static void succeeds(CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletionStage<Void> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        return thrown.getCause();
    }
}
