package dev.qunguan.adapters.onebot;

import dev.qunguan.adapter.WebhookRequest;
import dev.qunguan.config.OneBotConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Test fixtures: golden OneBot reports from test resources and webhook requests carrying them. */
final class OneBotRequests {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-10T09:00:00Z"), ZoneOffset.UTC);

    private OneBotRequests() {}

    static byte[] golden(String name) {
        try (InputStream in = OneBotRequests.class.getResourceAsStream("/onebot/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebhookRequest post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static WebhookRequest post(byte[] body) {
        return post(body, Map.of());
    }

    static WebhookRequest post(byte[] body, Map<String, String> headers) {
        return new WebhookRequest("POST", OneBotRoute.PATH, headers, Map.of(), body);
    }

    static OneBotConfig config(String secret, boolean quickOperation) {
        return new OneBotConfig(true, secret, "http://127.0.0.1:5700", "", quickOperation, Duration.ofSeconds(5), 3);
    }
}
