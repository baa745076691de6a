package dev.qunguan.adapters.onebot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.action.Action;
import dev.qunguan.adapter.PlatformAdapter;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.config.OneBotConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * QQ groups through a OneBot v11 implementation (NapCat, Lagrange.OneBot, go-cqhttp, LLOneBot): receives
 * its HTTP POST reports at {@code /webhook/onebot} and acts through its HTTP API.
 */
public final class OneBotAdapter implements PlatformAdapter {
    static final String PLATFORM = "onebot";

    private final List<WebhookRoute> routes;
    private final OneBotApiClient api;

    private OneBotAdapter(WebhookRoute route, OneBotApiClient api) {
        this.routes = List.of(route);
        this.api = api;
    }

    /**
     * @param http  shared client for API calls; the adapter never closes it
     * @param clock time source for the adapter's own measurements (event times come from the reports)
     */
    public static OneBotAdapter create(OneBotConfig config, HttpClient http, Clock clock) {
        Objects.requireNonNull(http, "http");
        return create(config, () -> http, clock, RetryBackoff.standard());
    }

    /**
     * Same as {@link #create(OneBotConfig, HttpClient, Clock)} with an HTTP/1.1 client of its own, built when
     * the first API call is made.
     */
    public static OneBotAdapter create(OneBotConfig config, Clock clock) {
        return create(config, LazyHttpClient.of(() -> HttpClient.newBuilder()
                // OneBot implementations speak plain HTTP/1.1; skipping the h2c upgrade avoids confusing them
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.apiTimeout())
                // the default executor grows a thread per concurrent call (hundreds under load); a few suffice
                .executor(Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("qunguan-onebot-api-", 0)
                        .factory()))
                .build()), clock, RetryBackoff.standard());
    }

    static OneBotAdapter create(OneBotConfig config, HttpClient http, Clock clock, RetryBackoff backoff) {
        Objects.requireNonNull(http, "http");
        return create(config, () -> http, clock, backoff);
    }

    private static OneBotAdapter create(OneBotConfig config, Supplier<HttpClient> http, Clock clock,
            RetryBackoff backoff) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        OneBotSignature signature = config.secret().isEmpty() ? null : OneBotSignature.of(config.secret());
        WebhookRoute route = OneBotRoute.create(
                signature, OneBotEventDecoder.create(mapper), QuickOperation.create(config.quickOperation(), mapper));
        return new OneBotAdapter(route, OneBotApiClient.create(config, http, clock, backoff, mapper));
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public List<WebhookRoute> routes() {
        return routes;
    }

    @Override
    public CompletionStage<Void> perform(Action action) {
        return api.perform(action);
    }

    /** Malformed calls, unknown groups or messages, missing rights: see {@link OneBotApiClient}. */
    @Override
    public boolean isPermanent(Throwable failure) {
        return OneBotApiClient.isPermanent(failure);
    }
}
