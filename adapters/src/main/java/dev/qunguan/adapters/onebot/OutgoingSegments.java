package dev.qunguan.adapters.onebot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;

/**
 * Writes a core {@link Message} as a OneBot segment array. Arrays need no CQ escaping, so the text goes
 * out exactly as written and {@code auto_escape} can stay false.
 */
final class OutgoingSegments {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OutgoingSegments() {}

    static ArrayNode of(Message message) {
        ArrayNode array = NODES.arrayNode(message.segments().size());
        for (Segment segment : message.segments()) {
            array.add(switch (segment) {
                case Segment.Text(String text) -> segment("text", "text", text);
                case Segment.Mention mention -> segment("at", "qq", mention.userId());
                case Segment.MentionAll all -> segment("at", "qq", "all");
                case Segment.Quote(String messageId) -> segment("reply", "id", messageId);
                case Segment.Image(String ref) -> segment("image", "file", ref);
            });
        }
        return array;
    }

    private static ObjectNode segment(String type, String key, String value) {
        ObjectNode segment = NODES.objectNode();
        segment.put("type", type);
        segment.putObject("data").put(key, value);
        return segment;
    }
}
