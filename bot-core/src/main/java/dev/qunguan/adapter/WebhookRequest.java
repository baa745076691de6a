package dev.qunguan.adapter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to a webhook route, with the body exactly as received (signatures are computed over
 * these raw bytes). Header names are lower-case.
 */
public record WebhookRequest(
        String method, String path, Map<String, String> headers, Map<String, List<String>> query, byte[] body) {
    public WebhookRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
