package dev.qunguan.runtime;

import dev.qunguan.action.Reply;
import dev.qunguan.adapter.PlatformAdapter;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.event.Event;
import dev.qunguan.faq.FaqMatcherFactory;
import dev.qunguan.handler.EventProcessor;
import dev.qunguan.handler.HandlerPipeline;
import dev.qunguan.handler.PipelineParts;
import dev.qunguan.handler.StandardPipeline;
import dev.qunguan.outbound.ActionSender;
import dev.qunguan.outbound.ActionSenders;
import dev.qunguan.script.ReloadingScriptBook;
import dev.qunguan.script.ScriptBooks;
import dev.qunguan.server.Dispatcher;
import dev.qunguan.server.WebhookServer;
import dev.qunguan.store.Database;
import dev.qunguan.store.NodeClaims;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bot: the store, reply scripts, handler chain, per-chat dispatcher, rate-limited sender,
 * timers and (optionally) the webhook server, built from one configuration and closed together.
 */
public final class BotRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);

    private final Database database;
    private final ReloadingScriptBook scripts;
    private final Dispatcher dispatcher;
    private final ActionSender sender;
    private final ScheduledExecutorService scheduler;
    private final StoredTimers timers;
    private final @Nullable WebhookServer server;
    private final List<String> webhookPaths;
    private final PrometheusMeterRegistry registry;

    private BotRuntime(Database database, ReloadingScriptBook scripts, Dispatcher dispatcher, ActionSender sender,
            ScheduledExecutorService scheduler, StoredTimers timers, @Nullable WebhookServer server,
            List<String> webhookPaths, PrometheusMeterRegistry registry) {
        this.database = database;
        this.scripts = scripts;
        this.dispatcher = dispatcher;
        this.sender = sender;
        this.scheduler = scheduler;
        this.timers = timers;
        this.server = server;
        this.webhookPaths = List.copyOf(webhookPaths);
        this.registry = registry;
    }

    public static Builder builder(QunguanConfig config) {
        return new Builder(config);
    }

    /** The webhook server's port, or -1 when webhooks are not served. */
    public int port() {
        return server == null ? -1 : server.port();
    }

    public List<String> webhookPaths() {
        return webhookPaths;
    }

    /** Processes an event in its chat's order, as if a platform had delivered it; the reply is not sent. */
    public CompletableFuture<Reply> submit(Event event) {
        return dispatcher.submit(event);
    }

    /** Sends a reply through the rate-limited sender. */
    public void send(Reply reply) {
        sender.send(reply);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        timers.close();
        scheduler.shutdownNow();
        dispatcher.close();
        sender.close();
        database.close();
    }

    /** Collects what varies between the service, the chat simulator and tests. */
    public static final class Builder {
        private final QunguanConfig config;
        private final List<PlatformAdapter> adapters = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private @Nullable Classifier classifier;
        private ExampleMemory examples = ExampleMemory.nearDuplicates();
        private FaqMatcherFactory faqMatchers = FaqMatcherFactory.keywords();
        private boolean serveWebhooks = true;

        private Builder(QunguanConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder classifier(Classifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * Remembers admins' {@code /ad} and {@code /notad} corrections; the stored ones are replayed into it at
         * start. Default: {@link ExampleMemory#nearDuplicates()}.
         */
        public Builder exampleMemory(ExampleMemory examples) {
            this.examples = Objects.requireNonNull(examples, "examples");
            return this;
        }

        /** Builds each group's FAQ matcher. Default: {@link FaqMatcherFactory#keywords()}. */
        public Builder faqMatchers(FaqMatcherFactory faqMatchers) {
            this.faqMatchers = Objects.requireNonNull(faqMatchers, "faqMatchers");
            return this;
        }

        public Builder adapter(PlatformAdapter adapter) {
            adapters.add(Objects.requireNonNull(adapter, "adapter"));
            return this;
        }

        public Builder serveWebhooks(boolean serve) {
            this.serveWebhooks = serve;
            return this;
        }

        public BotRuntime start() {
            if (classifier == null) {
                throw new IllegalStateException("classifier: not set (expected: a Classifier)");
            }
            Map<String, PlatformAdapter> byPlatform = new LinkedHashMap<>();
            for (PlatformAdapter adapter : adapters) {
                if (byPlatform.putIfAbsent(adapter.platform(), adapter) != null) {
                    throw new IllegalStateException("two adapters for platform " + adapter.platform());
                }
            }
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
                Thread thread = new Thread(runnable, "qunguan-scheduler");
                thread.setDaemon(true);
                return thread;
            });
            String nodeId = config.server().effectiveNodeId();
            NodeClaims node = NodeClaims.of(nodeId, config.server().ackTimeout());
            Database database = Database.open(config.storage(), clock, node);
            List<AutoCloseable> started = new ArrayList<>();
            try {
                ReloadingScriptBook scripts = ScriptBooks.fromDirectory(Path.of(config.bot().scriptsDir()),
                        config.bot().locale(), database.stores().scriptOverrides(), clock);
                scripts.startWatching(scheduler);
                ActionSender sender = ActionSenders.rateLimited(byPlatform, config.bot().sendLimitPerMinute(), clock,
                        scheduler, registry);
                started.add(sender);
                HandlerPipeline pipeline = StandardPipeline.of(new PipelineParts(database.stores(), classifier, scripts,
                        examples, faqMatchers));
                StoredTimers timers = StoredTimers.create(database.stores().timers(), clock, node);
                started.add(timers);
                EventProcessor processor = EventProcessor.of(pipeline, scripts, clock,
                        new HashSet<>(config.bot().admins()), timers);
                Dispatcher dispatcher = Dispatcher.create(config.server().effectiveWorkers(),
                        config.server().queueCapacity(), processor::process, registry);
                started.add(dispatcher);
                timers.start(dispatcher::submit, sender::send);
                WebhookServer server = null;
                List<String> paths = new ArrayList<>();
                if (serveWebhooks) {
                    List<WebhookRoute> routes = adapters.stream().flatMap(a -> a.routes().stream()).toList();
                    routes.forEach(route -> paths.add(route.path()));
                    server = WebhookServer.start(config.server(), routes, dispatcher, sender, registry,
                            () -> database.isReachable());
                }
                log.info("qunguan started: node {}, storage {}, platforms {}, webhooks {}", nodeId,
                        Database.redactedUrl(config.storage().url()), byPlatform.keySet(), paths);
                return new BotRuntime(database, scripts, dispatcher, sender, scheduler, timers, server, paths,
                        registry);
            } catch (RuntimeException e) {
                // e.g. the port is taken: release what was started, newest first, and report the cause
                scheduler.shutdownNow();
                for (AutoCloseable resource : started.reversed()) {
                    try {
                        resource.close();
                    } catch (Exception closing) {
                        e.addSuppressed(closing);
                    }
                }
                database.close();
                throw e;
            }
        }
    }
}
