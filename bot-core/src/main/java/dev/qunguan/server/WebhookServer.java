package dev.qunguan.server;

import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.config.ServerConfig;
import dev.qunguan.outbound.ActionSender;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server platforms post their webhooks to, plus {@code GET /healthz} and {@code GET /metrics}.
 * The network threads only decode and answer; events are handled on the {@link Dispatcher}. Closing the
 * server does not close the dispatcher or the sender, which belong to the caller.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    private static final int WORKER_THREADS = 2;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private WebhookServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalArgumentException when two routes share a path or a route claims a server path
     */
    public static WebhookServer start(
            ServerConfig config,
            List<WebhookRoute> routes,
            Dispatcher dispatcher,
            ActionSender sender,
            PrometheusMeterRegistry registry,
            HealthCheck health) {
        Objects.requireNonNull(config, "config");
        Routing routing = new Routing(
                Routing.table(routes),
                Objects.requireNonNull(dispatcher, "dispatcher"),
                Objects.requireNonNull(sender, "sender"),
                Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(health, "health"),
                config.ackTimeout(),
                config.maxBodyBytes(),
                new WebhookMetrics(registry));
        routing.metrics().prepare(routing.routes().keySet());

        Transport transport = Transport.best();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("qunguan-http-accept"), transport.ioHandlers());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
                WORKER_THREADS, new DefaultThreadFactory("qunguan-http"), transport.ioHandlers());
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new Initializer(routing))
                    .bind(new InetSocketAddress(config.host(), config.port()))
                    .syncUninterruptibly()
                    .channel();
            WebhookServer server = new WebhookServer(boss, workers, channel);
            log.info("Webhook server listening on {}:{} ({}, routes {})",
                    config.host(), server.port(), transport.name(), routing.routes().keySet());
            return server;
        } catch (RuntimeException bindFailed) {
            shutDown(boss, workers);
            throw bindFailed;
        }
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting, lets answers already queued on the network threads go out, and frees the threads. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        shutDown(boss, workers);
    }

    private static void shutDown(EventLoopGroup boss, EventLoopGroup workers) {
        Future<?> bossDone = boss.shutdownGracefully(0, 2_000, TimeUnit.MILLISECONDS);
        Future<?> workersDone = workers.shutdownGracefully(50, 2_000, TimeUnit.MILLISECONDS);
        bossDone.awaitUninterruptibly();
        workersDone.awaitUninterruptibly();
    }

    private static final class Initializer extends ChannelInitializer<SocketChannel> {
        private final Routing routing;

        Initializer(Routing routing) {
            this.routing = routing;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                    .addLast("http", new HttpServerCodec())
                    .addLast("body-size", new BodySizeGuard(routing))
                    .addLast("aggregate", new GuardedAggregator(routing.maxBodyBytes()))
                    .addLast("router", new WebhookRouter(routing));
        }
    }

    /** The body-size guard stops oversized bodies first; this only keeps the aggregator's own answer consistent. */
    private static final class GuardedAggregator extends HttpObjectAggregator {
        GuardedAggregator(int maxBodyBytes) {
            super(maxBodyBytes);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            HttpAnswers.write(ctx, HttpAnswers.TOO_LARGE, false);
        }
    }
}
