package dev.qunguan.adapters.onebot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.SendMessage;
import dev.qunguan.config.OneBotConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out actions through the OneBot v11 HTTP API ({@code POST <apiUrl>/<action>} with a JSON body).
 * Transport errors, 5xx, 408 and 429 are retried with backoff, {@code api-retries} times (none by default:
 * the outbox owns retrying, with longer waits and a circuit breaker); other refusals and
 * {@code status: failed} answers fail at once. Failures are marked permanent when trying again cannot
 * help (a malformed call, no such group, no right), so the outbox gives them up instead of retrying. The
 * access token only ever travels in the Authorization header, never in logs.
 */
final class OneBotApiClient {
    private static final Logger log = LoggerFactory.getLogger(OneBotApiClient.class);
    /**
     * OneBot v11 retcodes that mean "this call cannot succeed": 100 bad parameters (no such group or
     * message), 102 nothing to act on or no permission, 103 operation refused (the bot is not admin);
     * 1400 and 1404 are how several implementations say bad request and unknown action.
     */
    private static final Set<String> PERMANENT_RETCODES = Set.of("100", "102", "103", "1400", "1404");
    /** QQ refuses mutes longer than 30 days. */
    private static final long MAX_MUTE_SECONDS = Duration.ofDays(30).toSeconds();

    private final Supplier<HttpClient> http;
    private final String baseUrl;
    private final @Nullable String authorization;
    private final Duration timeout;
    private final int retries;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final ObjectMapper mapper;

    private OneBotApiClient(OneBotConfig config, Supplier<HttpClient> http, Clock clock, RetryBackoff backoff, ObjectMapper mapper) {
        this.http = http;
        this.baseUrl = config.apiUrl().replaceAll("/+$", "");
        this.authorization = config.accessToken().isEmpty() ? null : "Bearer " + config.accessToken();
        this.timeout = config.apiTimeout();
        this.retries = config.apiRetries();
        this.backoff = backoff;
        this.clock = clock;
        this.mapper = mapper;
        URI.create(baseUrl + "/send_group_msg"); // a malformed api-url fails at start-up
    }

    static OneBotApiClient create(
            OneBotConfig config, Supplier<HttpClient> http, Clock clock, RetryBackoff backoff, ObjectMapper mapper) {
        return new OneBotApiClient(config, http, clock, backoff, mapper);
    }

    /** True when {@code failure} (from {@link #perform}) cannot be helped by trying again. */
    static boolean isPermanent(Throwable failure) {
        return failure instanceof IllegalArgumentException
                || failure instanceof OneBotApiException api && api.permanent();
    }

    CompletionStage<Void> perform(Action action) {
        ApiCall call;
        try {
            call = call(action);
        } catch (IllegalArgumentException unusable) {
            log.warn("OneBot action not sent: {}", unusable.getMessage());
            return CompletableFuture.failedFuture(unusable);
        }
        return attempt(call, 0, clock.millis());
    }

    private record ApiCall(String name, URI uri, byte[] body) {}

    private ApiCall call(Action action) {
        if (!action.chat().platform().equals(OneBotAdapter.PLATFORM)) {
            throw new IllegalArgumentException("chat " + action.chat() + " is not a OneBot chat");
        }
        ObjectNode params = mapper.createObjectNode();
        String name = switch (action) {
            case SendMessage send -> {
                params.put("group_id", number(action.chat().chatId(), "group_id"));
                params.set("message", OutgoingSegments.of(send.message()));
                yield "send_group_msg";
            }
            case DeleteMessage delete -> {
                String id = delete.message().id();
                // v11 message ids are numbers; an implementation with string ids gets its own form back
                if (isNumber(id)) {
                    params.put("message_id", Long.parseLong(id));
                } else {
                    params.put("message_id", id);
                }
                yield "delete_msg";
            }
            case MuteMember mute -> {
                params.put("group_id", number(action.chat().chatId(), "group_id"));
                params.put("user_id", number(mute.userId(), "user_id"));
                params.put("duration", muteSeconds(mute.duration()));
                yield "set_group_ban";
            }
            case RemoveMember remove -> {
                params.put("group_id", number(action.chat().chatId(), "group_id"));
                params.put("user_id", number(remove.userId(), "user_id"));
                params.put("reject_add_request", false);
                yield "set_group_kick";
            }
        };
        try {
            return new ApiCall(name, URI.create(baseUrl + "/" + name), mapper.writeValueAsBytes(params));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of plain values always serialises", impossible);
        }
    }

    private CompletableFuture<Void> attempt(ApiCall call, int attempt, long startedMillis) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.get().sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> outcome(call.name(), response, error))
                .thenCompose(outcome -> next(call, attempt, startedMillis, outcome));
    }

    private CompletableFuture<Void> next(ApiCall call, int attempt, long startedMillis, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Succeeded succeeded -> CompletableFuture.completedFuture(null);
            case Outcome.Transient failure when attempt < retries -> {
                long delay = backoff.delayMillis(attempt);
                log.debug("OneBot {} attempt {} failed ({}), retrying in {} ms", call.name(), attempt + 1,
                        failure.reason(), delay);
                Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
                yield CompletableFuture.supplyAsync(() -> attempt(call, attempt + 1, startedMillis), later)
                        .thenCompose(retried -> retried);
            }
            case Outcome.Transient failure -> giveUp(call, attempt, startedMillis, new OneBotApiException(
                    "onebot " + call.name() + ": " + failure.reason() + " after " + (attempt + 1) + " attempt(s)",
                    failure.cause(), false));
            case Outcome.Refused refused -> giveUp(call, attempt, startedMillis, refused.error());
        };
    }

    private CompletableFuture<Void> giveUp(ApiCall call, int attempt, long startedMillis, OneBotApiException error) {
        log.warn("OneBot API call {} failed after {} attempt(s) in {} ms: {}", call.name(), attempt + 1,
                clock.millis() - startedMillis, error.getMessage());
        return CompletableFuture.failedFuture(error);
    }

    private Outcome outcome(String name, @Nullable HttpResponse<byte[]> response, @Nullable Throwable error) {
        if (error != null || response == null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof IOException) { // refused connection, reset, timeout
                return new Outcome.Transient(cause.getClass().getSimpleName(), cause);
            }
            return new Outcome.Refused(new OneBotApiException("onebot " + name + ": " + cause, cause, true));
        }
        int status = response.statusCode();
        if (status == 408 || status == 429 || status >= 500) {
            return new Outcome.Transient("HTTP " + status, null);
        }
        if (status < 200 || status > 299) {
            // A wrong token is the operator's to fix, not the action's fault: not retried now, but not given up.
            boolean permanent = status != 401 && status != 403;
            return new Outcome.Refused(
                    new OneBotApiException("onebot " + name + ": HTTP " + status + hint(status), permanent));
        }
        return answer(name, response.body());
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (access token missing or wrong)";
            case 404 -> " (action not supported by this implementation)";
            default -> "";
        };
    }

    /** A 200 can still carry {@code {"status":"failed","retcode":...}}: the call reached QQ and was refused. */
    private Outcome answer(String name, byte[] body) {
        JsonNode answer;
        try {
            answer = mapper.readTree(body);
        } catch (IOException notJson) {
            return new Outcome.Succeeded(); // some implementations answer fire-and-forget calls with no JSON
        }
        if (answer == null || !"failed".equals(answer.path("status").asText())) {
            return new Outcome.Succeeded();
        }
        String why = answer.path("wording").asText(answer.path("message").asText(answer.path("msg").asText("")));
        String retcode = answer.path("retcode").asText("?");
        return new Outcome.Refused(new OneBotApiException("onebot " + name + ": status failed, retcode "
                + retcode + (why.isBlank() ? "" : " (" + why + ")"), PERMANENT_RETCODES.contains(retcode)));
    }

    private sealed interface Outcome {
        record Succeeded() implements Outcome {}

        record Transient(String reason, @Nullable Throwable cause) implements Outcome {}

        record Refused(OneBotApiException error) implements Outcome {}
    }

    private static long number(String id, String field) {
        if (!isNumber(id)) {
            throw new IllegalArgumentException(field + ": '" + id + "' (expected: a numeric QQ id)");
        }
        return Long.parseLong(id);
    }

    private static boolean isNumber(String id) {
        try {
            Long.parseLong(id);
            return true;
        } catch (NumberFormatException notNumeric) {
            return false;
        }
    }

    private static long muteSeconds(Duration duration) {
        // round up so a sub-second mute is still a mute, since 0 would lift it
        long seconds = duration.plusNanos(999_999_999L).toSeconds();
        return Math.min(seconds, MAX_MUTE_SECONDS);
    }
}
