package dev.qunguan.config;

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
 */
public record ServerConfig(String host, int port, int maxBodyBytes, int workers, int queueCapacity, Duration ackTimeout) {
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
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

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, 1 << 20, 0, 1024, Duration.ofSeconds(3));
    }

    public int effectiveWorkers() {
        return workers > 0 ? workers : Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    }
}
