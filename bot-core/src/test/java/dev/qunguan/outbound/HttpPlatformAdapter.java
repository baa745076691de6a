package dev.qunguan.outbound;

import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.SendMessage;
import dev.qunguan.adapter.ActionRefused;
import dev.qunguan.adapter.PlatformAdapter;
import dev.qunguan.adapter.WebhookRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A platform adapter for the tests' platform "test": one HTTP call per action to a {@link PlatformStandIn}.
 * 2xx succeeds, 4xx is refused for good, anything else (5xx, connection refused) is transient.
 */
final class HttpPlatformAdapter implements PlatformAdapter, AutoCloseable {
    static final String PLATFORM = "test";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    HttpPlatformAdapter(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The text the stand-in records for an action. */
    static String describe(Action action) {
        return switch (action) {
            case SendMessage send -> "say " + send.message().plainText();
            case DeleteMessage delete -> "delete " + delete.message().id();
            case MuteMember mute -> "mute " + mute.userId() + " " + mute.duration().toSeconds();
            case RemoveMember remove -> "remove " + remove.userId();
        };
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public List<WebhookRoute> routes() {
        return List.of();
    }

    @Override
    public CompletionStage<Void> perform(Action action) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + action.chat().chatId()))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(describe(action)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            int status = response.statusCode();
            if (status >= 400 && status < 500) {
                throw new ActionRefused("HTTP " + status);
            }
            if (status >= 300) {
                throw new IllegalStateException("HTTP " + status);
            }
            return null;
        });
    }

    @Override
    public void close() {
        http.close();
    }
}
