package dev.qunguan.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.adapter.Acknowledgement;
import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookRequest;
import dev.qunguan.adapter.WebhookResponse;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.config.ServerConfig;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.Event;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.event.UserRef;
import dev.qunguan.message.Message;
import dev.qunguan.outbound.ActionSender;
import dev.qunguan.outbound.SendLimiter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

final class WebhookServerTest {
    private static final String PATH = "/webhook/test";
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration LONG_ACK = Duration.ofSeconds(30);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RecordingSender sender = new RecordingSender();
    private final TestRoute route = new TestRoute();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicInteger processed = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blockerStarted = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private WebhookServer server;

    @BeforeAll
    static void detectEveryLeak() {
        // Takes effect when Netty's buffer classes load, which happens in the first test's server start.
        BufferLeaks.recordAtParanoid();
    }

    @AfterAll
    static void leakedNoBuffer() throws InterruptedException {
        assertThat(BufferLeaks.reported()).isEmpty();
        BufferLeaks.restoreLevel();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        client.close();
    }

    private void start(int queueCapacity, Duration ackTimeout) {
        Dispatcher dispatcher = Dispatcher.create(1, queueCapacity, this::process, registry);
        toClose.add(dispatcher);
        server = WebhookServer.start(
                new ServerConfig("127.0.0.1", 0, 1 << 20, 1, queueCapacity, ackTimeout),
                List.of(route), dispatcher, sender, registry, ready::get);
        toClose.add(server);
    }

    private void start() {
        start(100, LONG_ACK);
    }

    /** Echoes each message; the text "block" waits until the test releases it. */
    private Reply process(Event event) {
        processed.incrementAndGet();
        String text = ((MessageReceived) event).text();
        if (text.equals("block")) {
            blockerStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Reply.of(new SendMessage(event.chat(), Message.text("echo " + text)));
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private HttpResponse<String> post(String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).POST(BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void answersWithTheRoutesAcknowledgementAndSendsItsApiPartThroughTheSender() throws Exception {
        start();

        HttpResponse<String> response = post(PATH, "g1:hello\ng2:world");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"handled\":2}");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        Reply sent = sender.sent.poll(5, TimeUnit.SECONDS);
        assertThat(sent.actions()).extracting(a -> ((SendMessage) a).message().plainText())
                .containsExactly("echo hello", "echo world");
        assertThat(counter("qunguan.webhook.requests", "route", PATH, "status", "200")).isEqualTo(1.0);
    }

    @Test
    void answersNoContentWhenTheEventsProduceNoActions() throws Exception {
        start();

        HttpResponse<String> response = post(PATH, "");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(sender.sent.poll(5, TimeUnit.SECONDS).isEmpty()).isTrue();
    }

    @Test
    void passesARejectionThroughWithItsStatusAndBody() throws Exception {
        start();

        HttpResponse<String> response = post(PATH, "g1:hello", "X-Verdict", "reject");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"bad_signature\"}");
        assertThat(processed).hasValue(0);
    }

    @Test
    void passesAnAnsweredRequestThroughWithoutProcessing() throws Exception {
        start();

        HttpResponse<String> response = post(PATH, "g1:hello", "X-Verdict", "answer");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(processed).hasValue(0);
    }

    @Test
    void handsTheRouteLowerCasedHeadersQueryParamsThePathAndTheRawBody() throws Exception {
        start();
        byte[] body = {(byte) 0xFF, 0x00, (byte) 0xE4, (byte) 0xBD, (byte) 0xA0, 0x0A};

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(PATH + "?sig=abc&sig=def&t=1"))
                .header("X-Verdict", "answer")
                .header("X-Signature", "S1")
                .POST(BodyPublishers.ofByteArray(body))
                .build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        WebhookRequest seen = route.lastRequest.get();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo(PATH);
        assertThat(seen.headers()).containsEntry("x-signature", "S1").containsKey("content-length");
        assertThat(seen.headers().keySet()).allMatch(name -> name.equals(name.toLowerCase(Locale.ROOT)));
        assertThat(seen.query()).containsEntry("sig", List.of("abc", "def")).containsEntry("t", List.of("1"));
        assertThat(seen.body()).containsExactly(body);
    }

    @Test
    void answersNotFoundForAnUnknownPath() throws Exception {
        start();

        HttpResponse<String> response = post("/webhook/nobody", "x");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\"}");
        assertThat(counter("qunguan.webhook.requests", "route", "unmatched", "status", "404")).isEqualTo(1.0);
    }

    @Test
    void answersMethodNotAllowedForTheWrongMethod() throws Exception {
        start();

        HttpResponse<String> getWebhook = get(PATH);
        HttpResponse<String> postHealth = post("/healthz", "");

        assertThat(getWebhook.statusCode()).isEqualTo(405);
        assertThat(getWebhook.body()).isEqualTo("{\"error\":\"method_not_allowed\"}");
        assertThat(getWebhook.headers().firstValue("allow")).hasValue("POST");
        assertThat(postHealth.statusCode()).isEqualTo(405);
    }

    @Test
    void refusesABodyDeclaredLargerThanTheLimitWith413() throws Exception {
        start();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(PATH))
                .POST(BodyPublishers.ofByteArray(new byte[2 << 20]))
                .build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"too_large\"}");
        assertThat(response.headers().firstValue("connection")).hasValue("close");
        assertThat(processed).hasValue(0);
        assertThat(counter("qunguan.webhook.requests", "route", PATH, "status", "413")).isEqualTo(1.0);
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimitWith413() throws Exception {
        start();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(PATH))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[2 << 20])))
                .build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"too_large\"}");
        assertThat(route.lastRequest.get()).isNull();
    }

    @Test
    void refusesAnOversizedBodyBeforeTheClientSendsItWhenAskedToContinue() throws Exception {
        start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("POST " + PATH + " HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + (2 << 20) + "\r\n\r\n").getBytes(UTF_8));

            RawResponse response = RawResponse.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("{\"error\":\"too_large\"}");
            assertThat(socket.getInputStream().read()).as("connection closed").isEqualTo(-1);
        }
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() throws Exception {
        start();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(PATH))
                .header("X-Verdict", "answer")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1 << 20])))
                .build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(route.lastRequest.get().body()).hasSize(1 << 20);
    }

    @Test
    void answersBadRequestToAGarbageRequestLine() throws Exception {
        start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("this is not http\r\n\r\n".getBytes(UTF_8));

            RawResponse response = RawResponse.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"bad_request\"}");
            assertThat(response.headers()).containsEntry("connection", "close");
        }
    }

    @Test
    void answersOverloadedWithRetryAfterWhenTheDispatcherIsFull() throws Exception {
        start(1, LONG_ACK);
        CompletableFuture<HttpResponse<String>> blocked = client.sendAsync(
                HttpRequest.newBuilder(uri(PATH)).POST(BodyPublishers.ofString("g:block")).build(), BodyHandlers.ofString());
        assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> queued = client.sendAsync(
                HttpRequest.newBuilder(uri(PATH)).POST(BodyPublishers.ofString("g:queued")).build(), BodyHandlers.ofString());
        awaitQueueDepth(1);

        HttpResponse<String> refused = post(PATH, "g:too-many");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"error\":\"overloaded\"}");
        assertThat(refused.headers().firstValue("retry-after")).hasValue("1");
        assertThat(counter("qunguan.webhook.overloads", "route", PATH)).isEqualTo(1.0);
        release.countDown();
        assertThat(blocked.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(queued.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    /** The queued request travels over another connection, so wait until the dispatcher really holds it. */
    private void awaitQueueDepth(int depth) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (registry.get("qunguan.dispatcher.queue.depth").gauge().value() < depth && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(registry.get("qunguan.dispatcher.queue.depth").gauge().value()).isEqualTo(depth);
    }

    @Test
    void reportsReadinessOnReadyzWhileHealthzOnlyReportsLiveness() throws Exception {
        start();

        HttpResponse<String> ready = get("/readyz");
        this.ready.set(false);
        HttpResponse<String> notReady = get("/readyz");
        HttpResponse<String> alive = get("/healthz");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(alive.statusCode()).isEqualTo(200);
    }

    @Test
    void servesPrometheusTextWithTheServerMetrics() throws Exception {
        start();
        post(PATH, "g1:hello");

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains(
                "qunguan_webhook_requests_total{route=\"/webhook/test\",status=\"200\"} 1.0",
                "qunguan_webhook_latency_seconds",
                "qunguan_webhook_ack_timeouts_total",
                "qunguan_webhook_overloads_total",
                "qunguan_dispatcher_queue_depth",
                "qunguan_dispatcher_overloads_total");
    }

    @Test
    void answersOverloadedAfterTheAckTimeoutAndSendsTheLateReplyByApi() throws Exception {
        start(10, Duration.ofMillis(100));

        HttpResponse<String> response = post(PATH, "g:block");

        // Nothing is committed yet, so a 2xx would acknowledge an event that a crash could still lose.
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"error\":\"overloaded\"}");
        assertThat(response.headers().firstValue("retry-after")).hasValue("1");
        assertThat(counter("qunguan.webhook.ack.timeouts", "route", PATH)).isEqualTo(1.0);
        assertThat(sender.sent).as("nothing was sent at the timeout").isEmpty();
        release.countDown();
        Reply late = sender.sent.poll(5, TimeUnit.SECONDS);
        assertThat(late.actions()).extracting(a -> ((SendMessage) a).message().plainText()).containsExactly("echo block");
    }

    @Test
    void servesSeveralRequestsOnOneKeepAliveConnection() throws Exception {
        start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            List<Integer> statuses = new ArrayList<>();
            for (String request : List.of(rawPost("g:one"), rawGet("/healthz"), rawPost("g:two"), rawGet("/nowhere"))) {
                out.write(request.getBytes(UTF_8));
                out.flush();
                RawResponse response = RawResponse.read(in);
                statuses.add(response.status());
                assertThat(response.headers()).doesNotContainEntry("connection", "close").containsKey("content-length");
            }
            assertThat(statuses).containsExactly(200, 200, 200, 404);
        }
    }

    @Test
    void answersPipelinedRequestsInRequestOrder() throws Exception {
        start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write((rawPost("g:block") + rawGet("/healthz")).getBytes(UTF_8));
            socket.getOutputStream().flush();
            assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();

            RawResponse first = RawResponse.read(socket.getInputStream());
            RawResponse second = RawResponse.read(socket.getInputStream());

            assertThat(first.body()).isEqualTo("{\"handled\":1}");
            assertThat(second.body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void answersBadRequestToBrokenPercentEncodingAndKeepsServingTheConnection() throws Exception {
        // Found by the server fuzzer: the decoding exception escaped, was logged as an error and the
        // connection closed without answering (a query like this one was answered 500).
        start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write((rawGet("/%ZZ") + "POST " + PATH + "?sig=%G1 HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Length: 7\r\n\r\ng:hello" + rawGet("/healthz")).getBytes(UTF_8));
            socket.getOutputStream().flush();

            RawResponse badPath = RawResponse.read(socket.getInputStream());
            RawResponse badQuery = RawResponse.read(socket.getInputStream());
            RawResponse health = RawResponse.read(socket.getInputStream());

            assertThat(badPath.status()).isEqualTo(400);
            assertThat(badPath.body()).isEqualTo("{\"error\":\"bad_request\"}");
            assertThat(badQuery.status()).isEqualTo(400);
            assertThat(health.status()).isEqualTo(200);
            assertThat(processed).hasValue(0);
        }
    }

    @Test
    void logsNoErrorWhenAClientHangsUpInTheMiddleOfABody() throws Exception {
        // Found by the server fuzzer: the aggregator's PrematureChannelClosureException was logged as an
        // unexpected server failure, though a client going away is ordinary.
        start();
        Logger routerLog = (Logger) LoggerFactory.getLogger(WebhookRouter.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        routerLog.addAppender(logged);
        try {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(("POST " + PATH + " HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n"
                        + "g:only part of it").getBytes(UTF_8));
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            }
            Thread.sleep(200);

            assertThat(logged.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
            assertThat(get("/healthz").statusCode()).isEqualTo(200);
        } finally {
            routerLog.detachAppender(logged);
        }
    }

    @Test
    void answersInternalErrorWithoutDetailsWhenTheRouteFails() throws Exception {
        start();

        HttpResponse<String> response = post(PATH, "g:secret-input", "X-Verdict", "explode");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"internal\"}");
    }

    @Test
    void refusesTwoRoutesOnOnePath() {
        Dispatcher dispatcher = Dispatcher.create(1, 1, this::process, registry);
        toClose.add(dispatcher);

        assertThatThrownBy(() -> WebhookServer.start(ServerConfig.defaults(), List.of(route, new TestRoute()),
                dispatcher, sender, registry, HealthCheck.alwaysReady()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PATH);
    }

    private static String rawPost(String body) {
        return "POST " + PATH + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.getBytes(UTF_8).length
                + "\r\n\r\n" + body;
    }

    private static String rawGet(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
    }

    /** A minimal HTTP/1.1 response reader, so tests can control the connection byte by byte. */
    private record RawResponse(int status, Map<String, String> headers, String body) {
        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new RawResponse(status, headers, new String(in.readNBytes(length), UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(UTF_8);
        }
    }

    /** Decodes "chat:text" lines into messages; X-Verdict picks rejection, a bare answer, or a failure. */
    private static final class TestRoute implements WebhookRoute {
        final AtomicReference<WebhookRequest> lastRequest = new AtomicReference<>();
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public String path() {
            return PATH;
        }

        @Override
        public Inbound decode(WebhookRequest request) {
            lastRequest.set(request);
            return switch (request.header("X-Verdict").orElse("accept")) {
                case "reject" -> new Inbound.Rejected(WebhookResponse.error(401, "bad_signature"));
                case "answer" -> new Inbound.Answered(WebhookResponse.noContent());
                case "explode" -> throw new IllegalStateException("route bug");
                default -> new Inbound.Accepted(events(new String(request.body(), UTF_8)), request);
            };
        }

        private List<Event> events(String body) {
            List<Event> events = new ArrayList<>();
            for (String line : body.lines().toList()) {
                String[] parts = line.split(":", 2);
                int id = ids.incrementAndGet();
                events.add(new MessageReceived(EventId.of("e" + id), ChatRef.of("test", parts[0]),
                        UserRef.member("u1", "Ann"), MessageRef.of("m" + id), Message.text(parts[1]), AT));
            }
            return events;
        }

        @Override
        public Acknowledgement acknowledge(Inbound.Accepted accepted, Reply reply, SendLimiter limiter) {
            if (reply.isEmpty()) {
                return Acknowledgement.allViaApi(reply);
            }
            return new Acknowledgement(WebhookResponse.json(200, "{\"handled\":" + reply.actions().size() + "}"), reply);
        }
    }

    private static final class RecordingSender implements ActionSender {
        final BlockingQueue<Reply> sent = new LinkedBlockingQueue<>();

        @Override
        public void send(Reply reply) {
            sent.add(reply);
        }

        @Override
        public boolean tryAcquire(ChatRef chat) {
            return true;
        }

        @Override
        public void close() {}
    }
}
