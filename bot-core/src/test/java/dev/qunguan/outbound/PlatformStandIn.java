package dev.qunguan.outbound;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local platform API that records every call ({@code POST /<chat>} with the action as text) and
 * answers as told: accept, fail with 500, refuse with 400, hold the answer, or not listen at all.
 */
final class PlatformStandIn implements AutoCloseable {
    enum Mode { ACCEPT, FAIL, REFUSE, HOLD }

    record Call(String chat, String body, int status) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private volatile Mode mode = Mode.ACCEPT;
    private volatile String refusedChat = "";
    private volatile CountDownLatch held = new CountDownLatch(1);
    private final int port;
    private HttpServer server;

    PlatformStandIn() {
        server = bind(0);
        port = server.getAddress().getPort();
    }

    private HttpServer bind(int wantedPort) {
        HttpServer bound;
        try {
            bound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bound.setExecutor(executor);
        bound.createContext("/", exchange -> {
            String chat = exchange.getRequestURI().getPath().substring(1);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Mode now = chat.equals(refusedChat) ? Mode.REFUSE : mode;
            if (now == Mode.HOLD) {
                try {
                    held.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = switch (now) {
                case ACCEPT, HOLD -> 200;
                case FAIL -> 500;
                case REFUSE -> 400;
            };
            calls.add(new Call(chat, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        bound.start();
        return bound;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void answer(Mode mode) {
        if (mode == Mode.HOLD) {
            held = new CountDownLatch(1);
        } else {
            held.countDown();
        }
        this.mode = mode;
    }

    /** Every call for {@code chat} is refused for good, whatever the mode. */
    void refuse(String chat) {
        refusedChat = chat;
    }

    /** Stops listening: calls fail with connection refused until {@link #listen()}. */
    void goDown() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    void listen() {
        server = bind(port);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> accepted() {
        return calls.stream().filter(call -> call.status() == 200).toList();
    }

    /** Waits (bounded) until {@code count} calls matching {@code wanted} have arrived. */
    List<Call> await(int count, Predicate<Call> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> matching = calls.stream().filter(wanted).toList();
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("expected " + count + " matching calls within 10 s; calls were " + calls);
    }

    @Override
    public void close() {
        held.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
