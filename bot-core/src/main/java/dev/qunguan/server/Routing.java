package dev.qunguan.server;

import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.outbound.ActionSender;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What every connection of one server shares: the route table and the services behind it. */
record Routing(
        Map<String, WebhookRoute> routes,
        Dispatcher dispatcher,
        ActionSender sender,
        PrometheusMeterRegistry registry,
        HealthCheck health,
        Duration ackTimeout,
        int maxBodyBytes,
        WebhookMetrics metrics) {

    static final String HEALTH_PATH = "/healthz";
    static final String METRICS_PATH = "/metrics";
    /** Readiness for load balancers and orchestrators ({@link HealthCheck}); {@link #HEALTH_PATH} is liveness only. */
    static final String READY_PATH = "/readyz";

    Routing {
        routes = Map.copyOf(routes);
    }

    /** Exact-path table; a path claimed twice, or one of the server's own paths, fails start-up. */
    static Map<String, WebhookRoute> table(List<WebhookRoute> routes) {
        Map<String, WebhookRoute> byPath = new HashMap<>();
        for (WebhookRoute route : routes) {
            String path = route.path();
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("route path: " + path + " (expected: starting with /)");
            }
            if (path.equals(HEALTH_PATH) || path.equals(READY_PATH) || path.equals(METRICS_PATH)) {
                throw new IllegalArgumentException("route path: " + path + " (expected: not a server path)");
            }
            if (byPath.putIfAbsent(path, route) != null) {
                throw new IllegalArgumentException("route path: " + path + " (expected: one route per path)");
            }
        }
        return byPath;
    }

    @Nullable WebhookRoute route(String path) {
        return routes.get(path);
    }

    String tagFor(String path) {
        if (routes.containsKey(path) || path.equals(HEALTH_PATH) || path.equals(READY_PATH) || path.equals(METRICS_PATH)) {
            return path;
        }
        return WebhookMetrics.UNMATCHED;
    }
}
