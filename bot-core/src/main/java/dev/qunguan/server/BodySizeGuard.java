package dev.qunguan.server;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Answers 413 as soon as a body is known to exceed the limit, by its declared length or by counting
 * chunks, so oversized bodies are never buffered. After the answer the rest of the body is read and
 * thrown away (closing with unread input would reset the connection and the client could lose the 413),
 * then the connection is closed.
 */
final class BodySizeGuard extends ChannelInboundHandlerAdapter {
    /** A client still sending after this much discarded input is not waiting for our answer. */
    private static final long MAX_DISCARDED_BYTES = 64L << 20;

    private final Routing routing;
    private long bodyBytes;
    private String routeTag = WebhookMetrics.UNMATCHED;
    private long startNanos;
    private boolean discarding;
    private long discardedBytes;
    private @Nullable ChannelFuture rejection;

    BodySizeGuard(Routing routing) {
        this.routing = routing;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (discarding) {
            discard(ctx, msg);
            return;
        }
        if (msg instanceof HttpRequest head) {
            bodyBytes = 0;
            if (head.decoderResult().isFailure()) {
                ctx.fireChannelRead(msg);
                return;
            }
            startNanos = System.nanoTime();
            RequestTarget target = RequestTarget.parse(head.uri());
            routeTag = target == null ? WebhookMetrics.UNMATCHED : routing.tagFor(target.path());
            if (HttpUtil.getContentLength(head, -1L) > routing.maxBodyBytes()) {
                reject(ctx);
                if (HttpUtil.is100ContinueExpected(head)) {
                    // The client waits for our verdict before sending the body, so nothing is left to read.
                    closeAfterRejection();
                }
                discard(ctx, msg);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            bodyBytes += content.content().readableBytes();
            if (bodyBytes > routing.maxBodyBytes()) {
                reject(ctx);
                discard(ctx, msg);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void reject(ChannelHandlerContext ctx) {
        discarding = true;
        routing.metrics().answered(routeTag, HttpAnswers.TOO_LARGE.status(), startNanos);
        rejection = HttpAnswers.writeAnnouncingClose(ctx, HttpAnswers.TOO_LARGE);
    }

    private void discard(ChannelHandlerContext ctx, Object msg) {
        boolean last = msg instanceof LastHttpContent;
        if (msg instanceof HttpContent content) {
            discardedBytes += content.content().readableBytes();
        }
        ReferenceCountUtil.release(msg);
        if (last || discardedBytes > MAX_DISCARDED_BYTES) {
            closeAfterRejection();
        } else {
            ctx.read();
        }
    }

    private void closeAfterRejection() {
        if (rejection != null) {
            rejection.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
