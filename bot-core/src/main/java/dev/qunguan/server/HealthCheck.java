package dev.qunguan.server;

/**
 * Tells {@code GET /readyz} whether the service can take traffic (store open, models loaded...). It is
 * asked on the event loop, so it must answer from memory, never wait on I/O. {@code GET /healthz} is
 * liveness and always answers 200 while the server runs.
 */
@FunctionalInterface
public interface HealthCheck {
    boolean ready();

    static HealthCheck alwaysReady() {
        return () -> true;
    }
}
