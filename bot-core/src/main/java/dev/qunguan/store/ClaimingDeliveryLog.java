package dev.qunguan.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery log of a database several nodes share (PostgreSQL). Each delivery is claimed in the
 * database before it is handled, so exactly one node handles it even when both got it at the same moment,
 * and completed after, before its webhook is answered: an acknowledged delivery is never handled again.
 *
 * <p>Claims and completions from all dispatcher lanes go through one worker that writes whatever is
 * queued in one statement (group commit): a new delivery costs a share of one round trip to claim and
 * one to complete, and no look-up. Only a delivery that was not claimed is looked up: done means a
 * repeat; claimed by a live lease means another node is handling it, so it is checked again every
 * {@value #RECHECK_MILLIS} ms until that node completes it (a repeat), its lease lapses (taken over) or
 * this node's patience runs out.
 */
final class ClaimingDeliveryLog implements DeliveryLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClaimingDeliveryLog.class);
    /** Rows per statement: four parameters each stays well inside every driver's limit. */
    private static final int MAX_BATCH = 500;
    private static final long RECHECK_MILLIS = 100;
    private static final long IDLE_POLL_MILLIS = 50;
    /** Longest a lane waits for the worker beyond the patience itself (e.g. the database hangs). */
    private static final long WORKER_GRACE_MILLIS = 10_000;

    private final JdbcDeliveryLog durable;
    private final Clock clock;
    private final NodeClaims node;
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    private sealed interface Request permits ClaimRequest, CompleteRequest {}

    /** A lane waiting to know whether to handle {@code key}; it gives up at {@code giveUpNanos}. */
    private record ClaimRequest(String key, long giveUpNanos, CompletableFuture<Claim> result) implements Request {}

    private record CompleteRequest(String key, Instant at, CompletableFuture<Void> result) implements Request {}

    private ClaimingDeliveryLog(JdbcDeliveryLog durable, Clock clock, NodeClaims node) {
        this.durable = durable;
        this.clock = clock;
        this.node = node;
        this.worker = Thread.ofPlatform().daemon().name("qunguan-delivery-claims").unstarted(this::work);
    }

    static ClaimingDeliveryLog start(JdbcDeliveryLog durable, Clock clock, NodeClaims node) {
        ClaimingDeliveryLog deliveryLog = new ClaimingDeliveryLog(durable, clock, node);
        deliveryLog.worker.start();
        return deliveryLog;
    }

    @Override
    public Claim claim(String deliveryKey, Instant at) {
        CompletableFuture<Claim> result = new CompletableFuture<>();
        long patienceNanos = node.patience().toNanos();
        submit(new ClaimRequest(deliveryKey, System.nanoTime() + patienceNanos, result));
        return await(result, patienceNanos, "claim delivery " + deliveryKey);
    }

    @Override
    public void complete(String deliveryKey, Instant at) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        submit(new CompleteRequest(deliveryKey, at, result));
        try {
            await(result, 0, "complete delivery " + deliveryKey);
        } catch (StorageException e) {
            // The claim lapses after its lease, so a redelivery is handled again rather than lost.
            log.warn("could not record delivery {} as handled: {}", deliveryKey, e.getMessage());
        }
    }

    @Override
    public void release(String deliveryKey) {
        try {
            durable.release(deliveryKey);
        } catch (StorageException e) {
            log.warn("could not release the claim on delivery {}; it lapses with its lease", deliveryKey, e);
        }
    }

    private void submit(Request request) {
        if (!running) {
            throw new IllegalStateException("delivery log closed");
        }
        requests.add(request);
    }

    private static <T> T await(CompletableFuture<T> result, long patienceNanos, String what) {
        try {
            return result.get(patienceNanos + TimeUnit.MILLISECONDS.toNanos(WORKER_GRACE_MILLIS), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof StorageException storage ? storage
                    : new StorageException(what + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new StorageException(what + ": no answer from the database in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(what + ": interrupted", e);
        }
    }

    private void work() {
        List<ClaimRequest> rechecks = new ArrayList<>();
        long nextRecheck = 0;
        List<Request> batch = new ArrayList<>();
        while (running || !requests.isEmpty()) {
            try {
                Request first = requests.poll(rechecks.isEmpty() ? IDLE_POLL_MILLIS : RECHECK_MILLIS,
                        TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    requests.drainTo(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Map<String, Instant> completions = new TreeMap<>();
            List<CompleteRequest> completing = new ArrayList<>();
            List<ClaimRequest> claims = new ArrayList<>();
            for (Request request : batch) {
                switch (request) {
                    case CompleteRequest complete -> {
                        completions.put(complete.key(), complete.at());
                        completing.add(complete);
                    }
                    case ClaimRequest claim -> claims.add(claim);
                }
            }
            batch.clear();
            if (!completing.isEmpty()) {
                completeAll(completions, completing);
            }
            if (!rechecks.isEmpty() && System.nanoTime() - nextRecheck >= 0) {
                claims.addAll(rechecks);
                rechecks.clear();
            }
            if (!claims.isEmpty()) {
                for (int from = 0; from < claims.size(); from += MAX_BATCH) {
                    claimAll(claims.subList(from, Math.min(claims.size(), from + MAX_BATCH)), rechecks);
                }
                nextRecheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS);
            }
        }
        IllegalStateException closed = new IllegalStateException("delivery log closed");
        rechecks.forEach(claim -> claim.result().completeExceptionally(closed));
        for (Request left; (left = requests.poll()) != null; ) {
            switch (left) {
                case ClaimRequest claim -> claim.result().completeExceptionally(closed);
                case CompleteRequest complete -> complete.result().completeExceptionally(closed);
            }
        }
    }

    private void completeAll(Map<String, Instant> completions, List<CompleteRequest> completing) {
        try {
            durable.completeAll(completions);
            completing.forEach(complete -> complete.result().complete(null));
        } catch (RuntimeException e) {
            completing.forEach(complete -> complete.result().completeExceptionally(e));
        }
    }

    /** One statement for the batch; what it did not claim is looked up, and waited for if still in progress. */
    private void claimAll(List<ClaimRequest> claims, List<ClaimRequest> rechecks) {
        // Sorted, so nodes lock rows in one order; one request per key, later ones wait for its outcome.
        Map<String, ClaimRequest> byKey = new TreeMap<>();
        for (ClaimRequest claim : claims) {
            if (byKey.putIfAbsent(claim.key(), claim) != null) {
                rechecks.add(claim);
            }
        }
        try {
            Instant now = clock.instant();
            Set<String> claimed = durable.claimAll(byKey.keySet(), node.nodeId(), now, now.plus(node.lease()));
            Map<String, ClaimRequest> notClaimed = new LinkedHashMap<>();
            byKey.forEach((key, claim) -> {
                if (claimed.contains(key)) {
                    claim.result().complete(Claim.CLAIMED);
                } else {
                    notClaimed.put(key, claim);
                }
            });
            if (notClaimed.isEmpty()) {
                return;
            }
            Map<String, JdbcDeliveryLog.Held> held = durable.statesOf(notClaimed.keySet());
            long nowNanos = System.nanoTime();
            notClaimed.forEach((key, claim) -> {
                JdbcDeliveryLog.Held state = held.get(key);
                if (state != null && state.state().equals(JdbcDeliveryLog.DONE)) {
                    claim.result().complete(Claim.REPEATED);
                } else if (state != null && nowNanos - claim.giveUpNanos() >= 0) {
                    log.info("delivery {} is still being handled by another node; leaving it to a redelivery", key);
                    claim.result().complete(Claim.IN_PROGRESS_ELSEWHERE);
                } else {
                    // Claimed elsewhere (or released since the statement): try again shortly.
                    rechecks.add(claim);
                }
            });
        } catch (RuntimeException e) {
            byKey.values().forEach(claim -> claim.result().completeExceptionally(e));
        }
    }

    /** Finishes what is queued and stops the worker. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
