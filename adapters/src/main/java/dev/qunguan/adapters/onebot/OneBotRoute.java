package dev.qunguan.adapters.onebot;

import dev.qunguan.action.Reply;
import dev.qunguan.adapter.Acknowledgement;
import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookRequest;
import dev.qunguan.adapter.WebhookResponse;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.outbound.SendLimiter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code POST /webhook/onebot}: the implementation's HTTP POST event reports. */
final class OneBotRoute implements WebhookRoute {
    static final String PATH = "/webhook/onebot";

    private static final Inbound NOT_POST =
            new Inbound.Rejected(WebhookResponse.error(405, "method_not_allowed").withHeader("Allow", "POST"));
    private static final Inbound BAD_SIGNATURE = new Inbound.Rejected(WebhookResponse.error(401, "bad_signature"));

    private final @Nullable OneBotSignature signature;
    private final OneBotEventDecoder decoder;
    private final QuickOperation quickOperation;

    private OneBotRoute(@Nullable OneBotSignature signature, OneBotEventDecoder decoder, QuickOperation quickOperation) {
        this.signature = signature;
        this.decoder = decoder;
        this.quickOperation = quickOperation;
    }

    /** {@code signature} is null when no secret is configured: the implementation then signs nothing. */
    static OneBotRoute create(
            @Nullable OneBotSignature signature, OneBotEventDecoder decoder, QuickOperation quickOperation) {
        return new OneBotRoute(signature, decoder, quickOperation);
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Inbound decode(WebhookRequest request) {
        if (!request.method().equalsIgnoreCase("POST")) {
            return NOT_POST;
        }
        if (signature != null) {
            Optional<String> header = request.header("x-signature");
            if (header.isEmpty() || !signature.matches(header.get(), request.body())) {
                return BAD_SIGNATURE;
            }
        }
        return decoder.decode(request.body());
    }

    @Override
    public Acknowledgement acknowledge(Inbound.Accepted accepted, Reply reply, SendLimiter limiter) {
        return quickOperation.acknowledge(accepted, reply, limiter);
    }
}
