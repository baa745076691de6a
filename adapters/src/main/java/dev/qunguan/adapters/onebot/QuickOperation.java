package dev.qunguan.adapters.onebot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qunguan.action.Action;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.adapter.Acknowledgement;
import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookResponse;
import dev.qunguan.outbound.SendLimiter;
import java.util.List;

/**
 * Answers a group message's webhook request, putting the reply's leading message inline as a OneBot
 * quick operation when enabled. Only {@code reply} is ever used inline: NapCat ignores quick-operation
 * delete/kick/ban and Lagrange ignores the response body, so moderation always goes by API.
 */
final class QuickOperation {
    private final boolean enabled;
    private final ObjectMapper mapper;

    private QuickOperation(boolean enabled, ObjectMapper mapper) {
        this.enabled = enabled;
        this.mapper = mapper;
    }

    static QuickOperation create(boolean enabled, ObjectMapper mapper) {
        return new QuickOperation(enabled, mapper);
    }

    Acknowledgement acknowledge(Inbound.Accepted accepted, Reply reply, SendLimiter limiter) {
        if (!enabled
                || !(accepted.context() instanceof Delivery.GroupMessage delivery)
                || reply.isEmpty()
                || !(reply.actions().getFirst() instanceof SendMessage send)
                || !send.chat().equals(delivery.chat())
                || !limiter.tryAcquire(delivery.chat())) {
            return Acknowledgement.allViaApi(reply);
        }
        List<Action> rest = reply.actions().subList(1, reply.actions().size());
        return new Acknowledgement(WebhookResponse.json(200, body(send)), new Reply(rest));
    }

    private String body(SendMessage send) {
        ObjectNode operation = mapper.createObjectNode();
        operation.set("reply", OutgoingSegments.of(send.message()));
        operation.put("auto_escape", false);
        // go-cqhttp and the spec disagree on the default, so it is always spelled out
        operation.put("at_sender", false);
        try {
            return mapper.writeValueAsString(operation);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of strings always serialises", impossible);
        }
    }
}
