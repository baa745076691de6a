package dev.qunguan.adapter;

import dev.qunguan.action.Reply;
import java.util.Objects;

/** How a route answers an accepted request once its events are handled, and what still goes out by API. */
public record Acknowledgement(WebhookResponse response, Reply viaApi) {
    public Acknowledgement {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(viaApi, "viaApi");
    }

    public static Acknowledgement allViaApi(Reply reply) {
        return new Acknowledgement(WebhookResponse.noContent(), reply);
    }
}
