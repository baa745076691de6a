package dev.qunguan.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * The webhook server.
 *
 * @param host          address to listen on
 * @param port          TCP port (0 picks a free one, for tests)
 * @param maxBodyBytes  larger request bodies get 413
 * @param workers       threads that run the handler chain (0 = two per core)
 * @param queueCapacity events waiting per worker before the webhook answers 503
 * @param ackTimeout    longest a webhook answer waits for its events to be handled
 * @param nodeId        names this process among the nodes sharing one database, in claims and logs
 *                      (empty: host name and process id)
 */
public record ServerConfig(String host, int port, int maxBodyBytes, int workers, int queueCapacity, Duration ackTimeout,
        String nodeId) {
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(nodeId, "nodeId");
        nodeId = nodeId.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("server.port: " + port + " (expected: 0..65535)");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("server.max-body-bytes: " + maxBodyBytes + " (expected: > 0)");
        }
        if (workers < 0) {
            throw new IllegalArgumentException("server.workers: " + workers + " (expected: >= 0)");
        }
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException("server.queue-capacity: " + queueCapacity + " (expected: > 0)");
        }
        if (!ackTimeout.isPositive()) {
            throw new IllegalArgumentException("server.ack-timeout: " + ackTimeout + " (expected: > 0)");
        }
    }

    /** With the default node id (host name and process id). */
    public ServerConfig(String host, int port, int maxBodyBytes, int workers, int queueCapacity, Duration ackTimeout) {
        this(host, port, maxBodyBytes, workers, queueCapacity, ackTimeout, "");
    }

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, 1 << 20, 0, 1024, Duration.ofSeconds(3), "");
    }

    /** The configured node id, or host name and process id (e.g. {@code bot-1/4711}) when none is. */
    public String effectiveNodeId() {
        return nodeId.isEmpty() ? thisProcess() : nodeId;
    }

    private static String thisProcess() {
        // The environment first: resolving the local host name can stall on a badly configured resolver.
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | SecurityException e) {
                host = "localhost";
            }
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    public int effectiveWorkers() {
        return workers > 0 ? workers : Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    }
}
