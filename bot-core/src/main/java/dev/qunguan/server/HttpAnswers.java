package dev.qunguan.server;

import dev.qunguan.adapter.WebhookResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;

/** Turns a {@link WebhookResponse} into bytes on the wire, with length and connection headers. */
final class HttpAnswers {
    static final WebhookResponse TOO_LARGE = WebhookResponse.error(413, "too_large");
    static final WebhookResponse BAD_REQUEST = WebhookResponse.error(400, "bad_request");
    static final WebhookResponse NOT_FOUND = WebhookResponse.error(404, "not_found");
    static final WebhookResponse INTERNAL = WebhookResponse.error(500, "internal");
    static final WebhookResponse OVERLOADED = WebhookResponse.error(503, "overloaded").withHeader("Retry-After", "1");

    // The headers are the service's own (adapters' and these constants), so they skip the per-header token
    // validation meant for untrusted input, which was a visible share of the webhook threads under load.
    private static final HttpHeadersFactory OWN_HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final HttpHeadersFactory OWN_TRAILERS =
            DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private HttpAnswers() {}

    static WebhookResponse methodNotAllowed(String allowed) {
        return WebhookResponse.error(405, "method_not_allowed").withHeader("Allow", allowed);
    }

    /** Writes the answer; without keep-alive the connection is closed once it is flushed. */
    static ChannelFuture write(ChannelHandlerContext ctx, WebhookResponse answer, boolean keepAlive) {
        FullHttpResponse response = toNetty(answer);
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return written;
    }

    /**
     * Writes the answer with {@code Connection: close} but leaves closing to the caller, who may still
     * have to read what the client is sending.
     */
    static ChannelFuture writeAnnouncingClose(ChannelHandlerContext ctx, WebhookResponse answer) {
        FullHttpResponse response = toNetty(answer);
        HttpUtil.setKeepAlive(response, false);
        return ctx.writeAndFlush(response);
    }

    private static FullHttpResponse toNetty(WebhookResponse answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()),
                OWN_HEADERS, OWN_TRAILERS);
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.headers().set(header.getKey(), header.getValue());
        }
        if (!answer.contentType().isEmpty()) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        HttpUtil.setContentLength(response, answer.body().length);
        return response;
    }
}
