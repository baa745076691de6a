package dev.qunguan.server;

import dev.qunguan.action.Reply;
import dev.qunguan.adapter.Acknowledgement;
import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookRequest;
import dev.qunguan.adapter.WebhookResponse;
import dev.qunguan.adapter.WebhookRoute;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers complete requests on one connection: health, metrics and webhook routes. Webhook events go to
 * the dispatcher; the answer is written when they are handled and the reply's API actions are committed
 * to the outbox (2xx), or when the ack timeout passes (503, so the platform redelivers), whichever comes
 * first. Requests pipelined behind one still waiting are held so answers keep request order.
 * Everything here runs on the connection's event loop.
 */
final class WebhookRouter extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(WebhookRouter.class);
    private static final WebhookResponse HEALTHY = WebhookResponse.json(200, "{\"status\":\"ok\"}");
    private static final WebhookResponse UNHEALTHY = WebhookResponse.json(503, "{\"status\":\"unavailable\"}");
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Routing routing;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private @Nullable Exchange inFlight;

    WebhookRouter(Routing routing) {
        this.routing = routing;
    }

    /** One request being answered: what the metrics and the keep-alive decision need. */
    private record Exchange(String routeTag, boolean keepAlive, long startNanos) {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (inFlight != null) {
            waiting.add(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        serve(ctx, request);
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        long start = System.nanoTime();
        try {
            if (request.decoderResult().isFailure()) {
                // The decoder discards everything after a malformed request, so the connection is done.
                Exchange exchange = new Exchange(WebhookMetrics.UNMATCHED, false, start);
                inFlight = exchange;
                finish(ctx, exchange, HttpAnswers.BAD_REQUEST);
                return;
            }
            RequestTarget target = RequestTarget.parse(request.uri());
            String tag = target == null ? WebhookMetrics.UNMATCHED : routing.tagFor(target.path());
            Exchange exchange = new Exchange(tag, HttpUtil.isKeepAlive(request), start);
            inFlight = exchange;
            try {
                if (target == null) {
                    // Broken percent-encoding: the request is framed fine, so the connection stays usable.
                    finish(ctx, exchange, HttpAnswers.BAD_REQUEST);
                } else {
                    route(ctx, exchange, request, target);
                }
            } catch (RuntimeException unexpected) {
                log.error("Unexpected failure answering {} {}", request.method(), exchange.routeTag(), unexpected);
                if (inFlight == exchange) {
                    finish(ctx, new Exchange(exchange.routeTag(), false, start), HttpAnswers.INTERNAL);
                }
            }
        } finally {
            // Everything the routes need was copied out; the buffer goes back to the pool now.
            request.release();
        }
    }

    private void route(ChannelHandlerContext ctx, Exchange exchange, FullHttpRequest request, RequestTarget target) {
        HttpMethod method = request.method();
        String path = target.path();
        if (path.equals(Routing.HEALTH_PATH)) {
            // liveness: this event loop answers; it never waits on the store
            finish(ctx, exchange, isGet(method) ? HEALTHY : HttpAnswers.methodNotAllowed("GET"));
            return;
        }
        if (path.equals(Routing.READY_PATH)) {
            finish(ctx, exchange, isGet(method) ? readiness() : HttpAnswers.methodNotAllowed("GET"));
            return;
        }
        if (path.equals(Routing.METRICS_PATH)) {
            finish(ctx, exchange, isGet(method) ? metrics() : HttpAnswers.methodNotAllowed("GET"));
            return;
        }
        WebhookRoute route = routing.route(path);
        if (route == null) {
            finish(ctx, exchange, HttpAnswers.NOT_FOUND);
            return;
        }
        if (!HttpMethod.POST.equals(method)) {
            finish(ctx, exchange, HttpAnswers.methodNotAllowed("POST"));
            return;
        }
        Inbound inbound = route.decode(toWebhookRequest(request, target));
        switch (inbound) {
            case Inbound.Rejected rejected -> finish(ctx, exchange, rejected.response());
            case Inbound.Answered answered -> finish(ctx, exchange, answered.response());
            case Inbound.Accepted accepted -> dispatch(ctx, exchange, route, accepted);
        }
    }

    private static boolean isGet(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private WebhookResponse readiness() {
        try {
            return routing.health().ready() ? HEALTHY : UNHEALTHY;
        } catch (RuntimeException failure) {
            log.warn("Readiness check failed", failure);
            return UNHEALTHY;
        }
    }

    private WebhookResponse metrics() {
        byte[] text = routing.registry().scrape().getBytes(StandardCharsets.UTF_8);
        return new WebhookResponse(200, PROMETHEUS_TEXT, text, Map.of());
    }

    private static WebhookRequest toWebhookRequest(FullHttpRequest request, RequestTarget target) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            // Repeated headers are combined as HTTP allows, so none is silently lost.
            headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        return new WebhookRequest(request.method().name(), target.path(), headers, target.query(), body);
    }

    private void dispatch(ChannelHandlerContext ctx, Exchange exchange, WebhookRoute route, Inbound.Accepted accepted) {
        CompletableFuture<Reply> handled = routing.dispatcher().submitAll(accepted.events());
        PendingAck pending = new PendingAck(ctx, exchange, route, accepted);
        pending.timeout = ctx.executor().schedule(
                pending::onTimeout, routing.ackTimeout().toNanos(), TimeUnit.NANOSECONDS);
        handled.whenComplete((reply, failure) -> {
            try {
                ctx.executor().execute(() -> pending.onHandled(reply, failure));
            } catch (RejectedExecutionException shuttingDown) {
                // The server is stopping; the answer cannot be written, but the actions are still due.
                if (reply != null) {
                    routing.sender().send(reply);
                }
            }
        });
    }

    /** Waits for either the handled events or the ack timeout; only the first of the two answers. */
    private final class PendingAck {
        private final ChannelHandlerContext ctx;
        private final Exchange exchange;
        private final WebhookRoute route;
        private final Inbound.Accepted accepted;
        private @Nullable ScheduledFuture<?> timeout;
        private boolean answered;

        PendingAck(ChannelHandlerContext ctx, Exchange exchange, WebhookRoute route, Inbound.Accepted accepted) {
            this.ctx = ctx;
            this.exchange = exchange;
            this.route = route;
            this.accepted = accepted;
        }

        void onTimeout() {
            if (answered) {
                return;
            }
            answered = true;
            routing.metrics().ackTimedOut(exchange.routeTag());
            // 2xx promises the events' effects are committed, which is not yet known: ask for a redelivery
            // (deduplicated once processing finishes) instead of acknowledging something that may be lost.
            finish(ctx, exchange, HttpAnswers.OVERLOADED);
        }

        void onHandled(@Nullable Reply reply, @Nullable Throwable failure) {
            if (answered) {
                // Already answered 503 without it; whatever the events produced now goes out by API.
                if (reply != null) {
                    routing.sender().send(reply);
                }
                return;
            }
            answered = true;
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (reply != null) {
                acknowledge(reply);
                return;
            }
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
            if (cause instanceof DispatcherOverloaded) {
                routing.metrics().overloaded(exchange.routeTag());
                finish(ctx, exchange, HttpAnswers.OVERLOADED);
            } else {
                log.error("Dispatching events for {} failed", exchange.routeTag(), cause);
                finish(ctx, exchange, HttpAnswers.INTERNAL);
            }
        }

        private void acknowledge(Reply reply) {
            Acknowledgement ack;
            try {
                ack = route.acknowledge(accepted, reply, routing.sender());
            } catch (RuntimeException failure) {
                // The actions were decided; deliver them and let the platform see the failure.
                log.error("Route {} failed to acknowledge", exchange.routeTag(), failure);
                routing.sender().send(reply);
                finish(ctx, exchange, HttpAnswers.INTERNAL);
                return;
            }
            // 2xx promises the reply is safe: answer only once its API actions are committed to the outbox.
            CompletableFuture<Void> stored;
            try {
                stored = routing.sender().enqueue(ack.viaApi());
            } catch (RuntimeException failure) {
                stored = CompletableFuture.failedFuture(failure);
            }
            if (stored.isDone() && !stored.isCompletedExceptionally()) {
                finish(ctx, exchange, ack.response());
                return;
            }
            stored.whenComplete((ignored, failure) -> {
                try {
                    ctx.executor().execute(() -> answerStored(ack, failure));
                } catch (RejectedExecutionException shuttingDown) {
                    // The server is stopping; the answer cannot be written and the platform will redeliver.
                }
            });
        }

        private void answerStored(Acknowledgement ack, @Nullable Throwable failure) {
            if (failure == null) {
                finish(ctx, exchange, ack.response());
                return;
            }
            // Nothing was promised yet: a 503 makes the platform deliver again instead of losing the reply.
            log.error("Could not store the reply for {} in the outbox; answering 503", exchange.routeTag(), failure);
            routing.metrics().overloaded(exchange.routeTag());
            finish(ctx, exchange, HttpAnswers.OVERLOADED);
        }
    }

    private void finish(ChannelHandlerContext ctx, Exchange exchange, WebhookResponse answer) {
        routing.metrics().answered(exchange.routeTag(), answer.status(), exchange.startNanos());
        boolean keepAlive = exchange.keepAlive() && ctx.channel().isActive();
        HttpAnswers.write(ctx, answer, keepAlive);
        inFlight = null;
        if (!keepAlive) {
            releaseWaiting();
            return;
        }
        FullHttpRequest next = waiting.poll();
        if (next != null) {
            // Through the executor so a long pipelined burst does not grow the stack.
            ctx.executor().execute(() -> serveWaiting(ctx, next));
        } else {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void serveWaiting(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!ctx.channel().isActive()) {
            request.release();
            releaseWaiting();
            return;
        }
        serve(ctx, request);
    }

    private void releaseWaiting() {
        for (FullHttpRequest request; (request = waiting.poll()) != null; ) {
            request.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseWaiting();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            // The client went away, possibly in the middle of a request: nothing to answer, nothing broken here.
            log.debug("Connection error from {}", ctx.channel().remoteAddress(), cause);
            ctx.close();
            return;
        }
        log.error("Unexpected failure on connection from {}", ctx.channel().remoteAddress(), cause);
        if (inFlight == null && ctx.channel().isActive()) {
            HttpAnswers.write(ctx, HttpAnswers.INTERNAL, false);
        } else {
            ctx.close();
        }
    }
}
