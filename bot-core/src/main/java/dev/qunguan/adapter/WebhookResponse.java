package dev.qunguan.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The HTTP answer to a webhook request. Error answers are short JSON bodies that leak nothing. */
public record WebhookResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public WebhookResponse {
        headers = Map.copyOf(headers);
        // the server writes these headers without re-validating them, so nothing may split a header line
        requireHeaderText(contentType, "contentType");
        headers.forEach((name, value) -> {
            requireHeaderText(name, "header name");
            requireHeaderText(value, "header " + name);
        });
    }

    private static void requireHeaderText(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + ": control character at " + i);
            }
        }
    }

    public static WebhookResponse noContent() {
        return new WebhookResponse(204, "", new byte[0], Map.of());
    }

    public static WebhookResponse json(int status, String json) {
        return new WebhookResponse(status, "application/json; charset=utf-8",
                json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** {@code {"error":"<code>"}} with the given status; {@code code} is a fixed machine word, never input. */
    public static WebhookResponse error(int status, String code) {
        return json(status, "{\"error\":\"" + code + "\"}");
    }

    public WebhookResponse withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new WebhookResponse(status, contentType, body, more);
    }
}
