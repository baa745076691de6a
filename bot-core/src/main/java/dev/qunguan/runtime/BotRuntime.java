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
import dev.qunguan.outbound.OutboxPolicy;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bot: the store, reply scripts, handler chain, per-chat dispatcher, the sender with its
 * persisted outbox, timers and (optionally) the webhook server, built from one configuration and closed
 * together.
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

    /** Sends a reply through the outbox (paced per chat, retried until delivered). */
    public void send(Reply reply) {
        sender.send(reply);
    }

    /** Stores a reply's actions in the outbox; completes once they are committed and will be delivered. */
    public CompletableFuture<Void> enqueue(Reply reply) {
        return sender.enqueue(reply);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Stops in dependency order; actions the sender still holds stay in the outbox for the next start. */
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
        private @Nullable CompletableFuture<? extends Classifier> classifier;
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
            this.classifier = CompletableFuture.completedFuture(Objects.requireNonNull(classifier, "classifier"));
            return this;
        }

        /**
         * A classifier still loading (models take a while): the store opens and migrates meanwhile, and
         * {@link #start()} waits for it before taking traffic.
         */
        public Builder classifier(CompletableFuture<? extends Classifier> loading) {
            this.classifier = Objects.requireNonNull(loading, "loading");
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
                OutboxPolicy policy = new OutboxPolicy(config.bot().sendLimitPerMinute(),
                        config.outbound().maxAttempts(), config.outbound().maxAge(),
                        config.outbound().breakerFailures(), config.outbound().breakerCoolDown());
                ActionSender sender = ActionSenders.durable(database.stores().outbox(), byPlatform, policy, clock,
                        scheduler, registry);
                started.add(sender);
                HandlerPipeline pipeline = StandardPipeline.of(new PipelineParts(database.stores(),
                        new CountingClassifier(loaded(classifier), registry),
                        scripts, examples, faqMatchers));
                StoredTimers timers = StoredTimers.create(database.stores().timers(), clock, node);
                started.add(timers);
                EventProcessor processor = EventProcessor.of(pipeline, scripts, clock,
                        new HashSet<>(config.bot().admins()), timers);
                Dispatcher dispatcher = Dispatcher.create(config.server().effectiveWorkers(),
                        config.server().queueCapacity(), processor::process, registry);
                started.add(dispatcher);
                timers.start(dispatcher::submit, sender::enqueue);
                WebhookServer server = null;
                List<String> paths = new ArrayList<>();
                if (serveWebhooks) {
                    List<WebhookRoute> routes = adapters.stream().flatMap(a -> a.routes().stream()).toList();
                    routes.forEach(route -> paths.add(route.path()));
                    // the event loop asks readiness per request: answer from memory, refreshed in the background
                    AtomicBoolean storeReachable = new AtomicBoolean(database.isReachable());
                    scheduler.scheduleWithFixedDelay(() -> storeReachable.set(database.isReachable()),
                            1, 1, TimeUnit.SECONDS);
                    server = WebhookServer.start(config.server(), routes, dispatcher, sender, registry,
                            storeReachable::get);
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

        private static Classifier loaded(CompletableFuture<? extends Classifier> loading) {
            try {
                return loading.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("the classifier failed to load: " + e.getCause().getMessage(),
                        e.getCause());
            }
        }
    }
}
