package dev.qunguan.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A local stand-in for a OneBot implementation's HTTP API that records every call the bot makes. */
final class OneBotApiStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String action, String authorization, JsonNode params) {
        /** The text of a send_group_msg message (text segments joined). */
        String text() {
            StringBuilder text = new StringBuilder();
            JsonNode message = params.path("message");
            if (message.isTextual()) {
                return message.asText();
            }
            for (JsonNode segment : message) {
                if (segment.path("type").asText().equals("text")) {
                    text.append(segment.path("data").path("text").asText());
                }
            }
            return text.toString();
        }

        boolean mentions(String userId) {
            for (JsonNode segment : params.path("message")) {
                if (segment.path("type").asText().equals("at")
                        && segment.path("data").path("qq").asText().equals(userId)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger(9000);
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final boolean recording;
    private final AtomicInteger failedCalls = new AtomicInteger();
    private volatile int failStatus;

    OneBotApiStandIn() {
        this(0, true);
    }

    /** @param recording keep every call for assertions (tests), or only count them (benchmarks) */
    OneBotApiStandIn(int port, boolean recording) {
        this.recording = recording;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/__counts", exchange -> {
            Map<String, Long> counts = new TreeMap<>();
            counters.forEach((action, count) -> counts.put(action, count.sum()));
            byte[] answer = JSON.writeValueAsBytes(counts);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String action = exchange.getRequestURI().getPath().substring(1);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode params = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            int failing = failStatus;
            if (failing != 0) {
                failedCalls.incrementAndGet();
                exchange.sendResponseHeaders(failing, -1);
                exchange.close();
                return;
            }
            counters.computeIfAbsent(action, a -> new LongAdder()).increment();
            if (recording) {
                calls.add(new Call(action, auth == null ? "" : auth, params));
            }
            byte[] answer = ("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":"
                    + messageIds.incrementAndGet() + "}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /**
     * For scripts/bench: {@code java ... OneBotApiStandIn PORT} serves until killed; {@code GET /__counts}
     * answers how many calls of each action arrived.
     */
    public static void main(String[] args) throws InterruptedException {
        OneBotApiStandIn standIn = new OneBotApiStandIn(Integer.parseInt(args[0]), false);
        System.out.println("stand-in OneBot API on " + standIn.url());
        Thread.currentThread().join();
    }

    /** Answers every call with {@code status} (recording it only as a failed call) until {@link #recover()}. */
    void failWith(int status) {
        failStatus = status;
    }

    void recover() {
        failStatus = 0;
    }

    int failedCalls() {
        return failedCalls.get();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void clear() {
        calls.clear();
    }

    /** Waits (bounded) until a call matching {@code wanted} has arrived, and returns it. */
    Call awaitCall(Predicate<Call> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Call call : calls) {
                if (wanted.test(call)) {
                    return call;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching OneBot API call within 10 s; calls were: " + calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
