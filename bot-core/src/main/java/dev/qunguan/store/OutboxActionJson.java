package dev.qunguan.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An action as the outbox stores it: JSON with a {@code type} and the action's own fields (the chat lives
 * in the row's columns). Written by hand rather than by annotating the core records, so the stored form
 * is explicit here and renaming a record component cannot silently change it.
 */
final class OutboxActionJson {
    private final ObjectMapper mapper = new ObjectMapper();

    String write(Action action) {
        ObjectNode json = mapper.createObjectNode();
        switch (action) {
            case SendMessage send -> {
                json.put("type", "send_message");
                json.set("message", segments(send.message()));
            }
            case DeleteMessage delete -> {
                json.put("type", "delete_message");
                json.put("message_id", delete.message().id());
            }
            case MuteMember mute -> {
                json.put("type", "mute_member");
                json.put("user_id", mute.userId());
                json.put("duration_millis", mute.duration().toMillis());
            }
            case RemoveMember remove -> {
                json.put("type", "remove_member");
                json.put("user_id", remove.userId());
            }
        }
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of plain values always serialises", impossible);
        }
    }

    /** @throws IllegalArgumentException when the text is not an action this version knows */
    Action read(ChatRef chat, String text) {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox action is not JSON: " + e.getOriginalMessage(), e);
        }
        String type = required(json, "type");
        return switch (type) {
            case "send_message" -> new SendMessage(chat, message(json.path("message")));
            case "delete_message" -> new DeleteMessage(chat, MessageRef.of(required(json, "message_id")));
            case "mute_member" -> new MuteMember(chat, required(json, "user_id"),
                    Duration.ofMillis(json.path("duration_millis").asLong()));
            case "remove_member" -> new RemoveMember(chat, required(json, "user_id"));
            default -> throw new IllegalArgumentException("outbox action type: " + type + " (expected: "
                    + "send_message, delete_message, mute_member or remove_member)");
        };
    }

    private ArrayNode segments(Message message) {
        ArrayNode segments = mapper.createArrayNode();
        for (Segment segment : message.segments()) {
            ObjectNode json = segments.addObject();
            switch (segment) {
                case Segment.Text text -> json.put("type", "text").put("text", text.text());
                case Segment.Mention mention -> json.put("type", "mention").put("user_id", mention.userId())
                        .put("name", mention.displayName()).put("bot", mention.bot());
                case Segment.MentionAll all -> json.put("type", "mention_all");
                case Segment.Quote quote -> json.put("type", "quote").put("message_id", quote.messageId());
                case Segment.Image image -> json.put("type", "image").put("ref", image.ref());
            }
        }
        return segments;
    }

    private static Message message(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("outbox message: not a list of segments");
        }
        List<Segment> segments = new ArrayList<>();
        for (JsonNode segment : json) {
            String type = required(segment, "type");
            segments.add(switch (type) {
                case "text" -> new Segment.Text(segment.path("text").asText());
                case "mention" -> new Segment.Mention(required(segment, "user_id"), segment.path("name").asText(),
                        segment.path("bot").asBoolean());
                case "mention_all" -> new Segment.MentionAll();
                case "quote" -> new Segment.Quote(required(segment, "message_id"));
                case "image" -> new Segment.Image(required(segment, "ref"));
                default -> throw new IllegalArgumentException("outbox segment type: " + type);
            });
        }
        return new Message(segments);
    }

    private static String required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new IllegalArgumentException("outbox action: '" + field + "' missing");
        }
        return value.asText();
    }
}
