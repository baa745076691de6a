package dev.qunguan.server;

/** Tells {@code GET /healthz} whether the service can take traffic (store open, models loaded...). */
@FunctionalInterface
public interface HealthCheck {
    boolean ready();

    static HealthCheck alwaysReady() {
        return () -> true;
    }
}
