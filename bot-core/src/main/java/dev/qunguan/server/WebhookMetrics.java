package dev.qunguan.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/** The webhook server's meters. Route tags are configured paths or fixed words, never raw request paths. */
final class WebhookMetrics {
    /** Tag for requests that matched no route, so unknown paths cannot blow up the tag cardinality. */
    static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;
    // Looking a meter up by name and tags on every request costs more than the rest of a health check;
    // the (few) route and status combinations keep their meters here.
    private final ConcurrentMap<RouteStatus, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> latencies = new ConcurrentHashMap<>();

    private record RouteStatus(String route, int status) {}

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the per-route counters at zero, so dashboards and alerts see them before the first event. */
    void prepare(Iterable<String> routes) {
        for (String route : routes) {
            ackTimeouts(route);
            overloads(route);
        }
    }

    void answered(String route, int status, long startNanos) {
        requests.computeIfAbsent(new RouteStatus(route, status), key -> Counter.builder("qunguan.webhook.requests")
                .description("HTTP requests answered, by route and status")
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .register(registry)).increment();
        latencies.computeIfAbsent(route, key -> Timer.builder("qunguan.webhook.latency")
                .description("Time from a complete request to its response being written")
                .tag("route", key)
                .register(registry)).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void ackTimedOut(String route) {
        ackTimeouts(route).increment();
    }

    void overloaded(String route) {
        overloads(route).increment();
    }

    private Counter ackTimeouts(String route) {
        return Counter.builder("qunguan.webhook.ack.timeouts")
                .description("Webhooks answered 503 because their events were not handled within the ack timeout")
                .tag("route", route)
                .register(registry);
    }

    private Counter overloads(String route) {
        return Counter.builder("qunguan.webhook.overloads")
                .description("Webhooks refused with 503 because the dispatcher was full")
                .tag("route", route)
                .register(registry);
    }
}
