package dev.qunguan.config;

import java.time.Duration;
import java.util.Objects;

/**
 * OneBot v11 (QQ through NapCat, Lagrange.OneBot, go-cqhttp, LLOneBot).
 *
 * @param enabled         serve {@code POST /webhook/onebot}
 * @param secret          when set, {@code X-Signature: sha1=HMAC-SHA1(secret, body)} is required
 * @param apiUrl          the implementation's HTTP API
 * @param accessToken     sent as {@code Authorization: Bearer} on every API call
 * @param quickOperation  answer a message's reply inline in the webhook response (go-cqhttp, LLOneBot,
 *                        NapCat honour it; Lagrange ignores response bodies, so it is off by default)
 * @param apiTimeout      per API call
 * @param apiRetries      immediate retries inside one API call, with short backoff; 0 by default because
 *                        the outbox retries failed actions itself, with longer waits and a circuit breaker
 */
public record OneBotConfig(
        boolean enabled,
        String secret,
        String apiUrl,
        String accessToken,
        boolean quickOperation,
        Duration apiTimeout,
        int apiRetries) {
    public OneBotConfig {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(apiTimeout, "apiTimeout");
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            throw new IllegalArgumentException("platforms.onebot.api-url: " + apiUrl + " (expected: http(s)://...)");
        }
        if (!apiTimeout.isPositive()) {
            throw new IllegalArgumentException("platforms.onebot.api-timeout: " + apiTimeout + " (expected: > 0)");
        }
        if (apiRetries < 0) {
            throw new IllegalArgumentException("platforms.onebot.api-retries: " + apiRetries + " (expected: >= 0)");
        }
    }

    public static OneBotConfig defaults() {
        return new OneBotConfig(true, "", "http://127.0.0.1:5700", "", false, Duration.ofSeconds(5), 0);
    }

    /** Secrets never reach logs. */
    @Override
    public String toString() {
        return "OneBotConfig[enabled=" + enabled + ", secret=" + (secret.isEmpty() ? "" : "***") + ", apiUrl=" + apiUrl
                + ", accessToken=" + (accessToken.isEmpty() ? "" : "***") + ", quickOperation=" + quickOperation + "]";
    }
}
