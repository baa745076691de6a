package dev.qunguan.store;

import dev.qunguan.config.ServerConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How this node takes work that several nodes sharing one database might both try: deliveries posted to
 * both, timers due on both.
 *
 * @param nodeId   names this node in claims and logs (unique among the nodes on one database)
 * @param lease    how long a claim holds: a node that died while holding one is replaced after this
 * @param patience how long a delivery another node is handling is waited for before this copy is
 *                 dropped; longer than the webhook's ack timeout, so its platform was told to retry by then
 */
public record NodeClaims(String nodeId, Duration lease, Duration patience) {
    /** Long enough for any one event's handling, short enough that a dead node's work resumes soon. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

    public NodeClaims {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(patience, "patience");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId: blank (expected: a name for this node)");
        }
        if (!lease.isPositive()) {
            throw new IllegalArgumentException("lease: " + lease + " (expected: > 0)");
        }
        if (patience.isNegative()) {
            throw new IllegalArgumentException("patience: " + patience + " (expected: >= 0)");
        }
    }

    /** The default lease, and patience a second beyond {@code ackTimeout}. */
    public static NodeClaims of(String nodeId, Duration ackTimeout) {
        return new NodeClaims(nodeId, DEFAULT_LEASE, ackTimeout.plusSeconds(1));
    }

    /** For tools and tests: a node named after this process, patience for the default 3 s ack timeout. */
    public static NodeClaims forThisProcess() {
        ServerConfig defaults = ServerConfig.defaults();
        return of(defaults.effectiveNodeId(), defaults.ackTimeout());
    }
}
