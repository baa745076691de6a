package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.qunguan.config.ConfigLoader;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.runtime.BotRuntime;
import io.micrometer.core.instrument.Counter;
import dev.qunguan.server.BufferLeaks;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Throws over 100,000 hostile raw HTTP requests at the real service (webhook server, OneBot adapter,
 * handler chain, SQLite, a stand-in OneBot API) over a few keep-alive, pipelining connections. Every
 * answer must be well-formed HTTP with a 2xx or 4xx status, nothing may be logged at ERROR, no buffer may
 * leak (Netty's detector at paranoid) and the service must still be healthy afterwards. Reproduce the
 * request sequence with {@code -Dqunguan.fuzz.seed=<the printed seed>}.
 */
final class WebhookServerFuzzTest {
    private static final long SEED = Long.getLong("qunguan.fuzz.seed", new SecureRandom().nextLong());
    private static final int REQUESTS = Integer.getInteger("qunguan.fuzz.requests", 100_000);
    private static final int CONNECTIONS = 4;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String SECRET = "fuzz-secret";
    private static final Pattern ERROR_BODY = Pattern.compile("\\{\"error\":\"[a-z_]{1,32}\"}");
    /** A bounded run even on a starved machine: past it the clients stop and the count is checked. */
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(240);


    @TempDir
    Path dir;

    @BeforeAll
    static void detectEveryLeak() {
        // Only takes effect if Netty's buffer classes are not loaded yet in this JVM; when another test
        // loaded them first, leaks still show up as the detector's ERROR log, which is captured as well.
        BufferLeaks.recordAtParanoid();
    }

    @AfterAll
    static void restoreLeakLevel() {
        BufferLeaks.restoreLevel();
    }

    @Test
    void answersEveryHostileRequestWith2xxOr4xxAndStaysHealthyWithoutErrorsOrLeaks() throws Exception {
        System.out.println("WebhookServerFuzzTest seed " + SEED + " (rerun with -Dqunguan.fuzz.seed=" + SEED + ")");
        long started = System.nanoTime();
        ListAppender<ILoggingEvent> errors = captureErrorLogs();
        List<ClientStats> stats;
        List<String> leaks;
        try {
            stats = fuzzTheRunningService(started + DEADLINE_NANOS);
            leaks = BufferLeaks.reported();
        } finally {
            detachErrorCapture(errors);
        }

        long sent = stats.stream().mapToLong(ClientStats::sent).sum();
        long answered = stats.stream().mapToLong(ClientStats::answered).sum();
        System.out.printf("WebhookServerFuzzTest: %d requests, %d answers, %d connections in %d ms%n", sent, answered,
                stats.stream().mapToLong(ClientStats::connections).sum(), (System.nanoTime() - started) / 1_000_000);
        assertThat(sent).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(errors.list).as("ERROR logs").extracting(WebhookServerFuzzTest::describe).isEmpty();
        assertThat(leaks).isEmpty();
    }

    /** Runs the clients against a fresh service, then checks it is still healthy and never answered 5xx. */
    private List<ClientStats> fuzzTheRunningService(long deadline) throws Exception {
        AtomicLong messageIds = new AtomicLong(1_000_000);
        List<ClientStats> stats = new ArrayList<>();
        try (OneBotApiStandIn api = new OneBotApiStandIn(0, false); BotRuntime bot = startBot(api)) {
            ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                List<Future<ClientStats>> running = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    Random random = new Random(SEED + i);
                    HostileHttpRequests requests = new HostileHttpRequests(random, SECRET, messageIds, MAX_BODY_BYTES);
                    running.add(clients.submit(
                            () -> runClient(bot.port(), random, requests, REQUESTS / CONNECTIONS, deadline)));
                }
                for (Future<ClientStats> client : running) {
                    stats.add(client.get(300, TimeUnit.SECONDS));
                }
            } finally {
                clients.shutdownNow();
            }

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(serverErrorsCounted(bot)).as("5xx answers counted by the server").isZero();
        }
        return stats;
    }

    private BotRuntime startBot(OneBotApiStandIn api) {
        QunguanConfig config = ConfigLoader.withEnvironment(Map.of()).parse("""
                server:
                  port: 0
                  host: 127.0.0.1
                  max-body-bytes: %d
                  # generous on purpose: this test must never see a 503 caused by a slow, shared machine
                  ack-timeout: 60s
                storage:
                  url: jdbc:sqlite:%s
                platforms:
                  onebot:
                    secret: %s
                    api-url: %s
                bot:
                  scripts-dir: %s
                """.formatted(MAX_BODY_BYTES, dir.resolve("qunguan.db"), SECRET, api.url(), dir.resolve("scripts")),
                "fuzz");
        return Wiring.runtime(config).serveWebhooks(true).start();
    }

    private record ClientStats(long sent, long answered, long connections) {}

    /**
     * Sends pipelined batches of well-framed requests on one connection, checking each answer in order;
     * now and then ends the connection with a framing-breaking request and opens a new one.
     */
    private static ClientStats runClient(int port, Random random, HostileHttpRequests requests, int quota,
            long deadline) throws IOException {
        long sent = 0;
        long answered = 0;
        long connections = 0;
        while (sent < quota && System.nanoTime() < deadline) {
            connections++;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(30_000);
                socket.setTcpNoDelay(true);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                InputStream in = socket.getInputStream();
                boolean open = true;
                while (open && sent < quota && System.nanoTime() < deadline) {
                    List<HostileHttpRequests.Request> batch = new ArrayList<>();
                    int size = 1 + random.nextInt(32);
                    for (int i = 0; i < size; i++) {
                        batch.add(requests.wellFramed());
                    }
                    for (HostileHttpRequests.Request request : batch) {
                        out.write(request.bytes());
                    }
                    out.flush();
                    sent += batch.size();
                    for (HostileHttpRequests.Request request : batch) {
                        RawHttpResponse response = RawHttpResponse.read(in, request.isHead());
                        assertThat(response).as("answer to %s (seed %d)", request.description(), SEED).isNotNull();
                        checkAnswer(request, response);
                        answered++;
                    }
                    if (random.nextInt(4) == 0) {
                        answered += endConnection(socket, out, in, requests.connectionEnding());
                        sent++;
                        open = false;
                    }
                }
            }
        }
        return new ClientStats(sent, answered, connections);
    }

    /** Sends a request that may break the framing, then reads whatever answers come until the server closes. */
    private static int endConnection(Socket socket, OutputStream out, InputStream in, HostileHttpRequests.Request last)
            throws IOException {
        try {
            out.write(last.bytes());
            out.flush();
            if (last.halfClose()) {
                socket.shutdownOutput();
            }
        } catch (IOException closedWhileSending) {
            // The server may answer and close before a large body is fully sent; the answer is still read below.
        }
        int answers = 0;
        try {
            for (RawHttpResponse response; (response = RawHttpResponse.read(in, false)) != null; ) {
                answers++;
                assertThat(answers).as("answers to %s (seed %d)", last.description(), SEED).isLessThanOrEqualTo(2);
                checkAnswer(answers == 1 ? last : new HostileHttpRequests.Request(new byte[0], "POST",
                        HostileHttpRequests.ANY, "the rest of " + last.description()), response);
            }
        } catch (SocketTimeoutException stuck) {
            throw new AssertionError("server neither answered nor closed after " + last.description(), stuck);
        } catch (IOException reset) {
            if (!(reset.getMessage() != null && reset.getMessage().contains("Connection reset"))) {
                throw reset;
            }
            // A reset after the server closed with unread input is the client's problem, not the server's.
        }
        if (last.expectedStatus() != HostileHttpRequests.ANY) {
            assertThat(answers).as("answers to %s (seed %d)", last.description(), SEED).isEqualTo(1);
        }
        return answers;
    }

    private static void checkAnswer(HostileHttpRequests.Request request, RawHttpResponse response) {
        String what = request.description() + " (seed " + SEED + ")";
        int status = response.status();
        assertThat(status).as("status for %s", what).satisfiesAnyOf(
                s -> assertThat(s).isBetween(200, 299),
                s -> assertThat(s).isBetween(400, 499));
        if (request.expectedStatus() != HostileHttpRequests.ANY) {
            assertThat(status).as("status for %s", what).isEqualTo(request.expectedStatus());
        }
        if (status >= 400 && !request.isHead()) {
            // Fixed machine words only: nothing of the request is echoed back.
            assertThat(response.bodyText()).as("error body for %s", what).matches(ERROR_BODY);
        }
        if (status == 405) {
            assertThat(response.headers()).as("headers for %s", what).containsKey("allow");
        }
    }

    private static double serverErrorsCounted(BotRuntime bot) {
        return bot.registry().find("qunguan.webhook.requests").counters().stream()
                .filter(counter -> counter.getId().getTag("status").startsWith("5"))
                .mapToDouble(Counter::count)
                .sum();
    }

    private static ListAppender<ILoggingEvent> captureErrorLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ThresholdFilter errorsOnly = new ThresholdFilter();
        errorsOnly.setLevel(Level.ERROR.toString());
        errorsOnly.start();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.addFilter(errorsOnly);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static void detachErrorCapture(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    }

    private static String describe(ILoggingEvent event) {
        return event.getLoggerName() + ": " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " / " + event.getThrowableProxy().getClassName()
                        + ": " + event.getThrowableProxy().getMessage());
    }
}
