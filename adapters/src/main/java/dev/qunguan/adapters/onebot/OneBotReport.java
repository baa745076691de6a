package dev.qunguan.adapters.onebot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one OneBot v11 report that the decoder reads, taken from the body in one streaming
 * pass. Everything else (raw_message, font, the sender's age and area, …) is skipped, not built into a
 * tree: a JSON tree of the whole report was a fifth of what the service allocated per message. A field
 * given twice counts as given last, as in a tree.
 *
 * @param scalars top-level fields the decoder may read (ids, types, time), by name
 * @param message the {@code message} field, or null when absent or JSON null
 * @param sender  the {@code sender} object's card, nickname and role (empty when absent or not an object)
 * @param anonymousName the {@code anonymous} object's name ("" when it has none); null when not an object
 */
record OneBotReport(Map<String, Scalar> scalars, @Nullable Content message, Sender sender,
        @Nullable String anonymousName) {
    private static final Set<String> SCALAR_FIELDS = Set.of("post_type", "message_type", "sub_type",
            "notice_type", "self_id", "user_id", "group_id", "message_id", "operator_id", "time");
    private static final Set<String> SEGMENT_DATA_KEYS = Set.of("text", "qq", "name", "id", "url", "file");

    /** A top-level value as far as the decoder tells values apart. */
    record Scalar(Kind kind, String text, long number) {
        enum Kind {
            NULL,
            TEXT,
            /** An integer that fits in a long. */
            INTEGER,
            /** Anything else: a larger integer, a fraction, a boolean, an object or an array. */
            OTHER
        }

        static final Scalar NULL = new Scalar(Kind.NULL, "", 0);
        static final Scalar OTHER = new Scalar(Kind.OTHER, "", 0);
    }

    /** The {@code message} field: a CQ-code string, segments, or something that is neither. */
    sealed interface Content {
        record CqCode(String text) implements Content {}

        /** Segments in order; a null entry is an element that is not an object with a string type. */
        record Segments(List<@Nullable WireSegment> segments) implements Content {}

        record Unusable() implements Content {}
    }

    /** The sender's string fields the bot uses; a field that is absent or not a string is "". */
    record Sender(String card, String nickname, String role) {
        static final Sender NONE = new Sender("", "", "");
    }

    /**
     * @throws IOException when the body is not one well-formed JSON value, or its value is not an object
     */
    static OneBotReport read(JsonFactory json, byte[] body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            Map<String, Scalar> scalars = new HashMap<>(16);
            Content message = null;
            Sender sender = Sender.NONE;
            String anonymousName = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "message" -> message = value == JsonToken.VALUE_NULL ? null : content(parser, value);
                    case "sender" -> sender = sender(parser, value);
                    case "anonymous" -> anonymousName = anonymousName(parser, value);
                    default -> {
                        if (SCALAR_FIELDS.contains(field)) {
                            scalars.put(field, scalar(parser, value));
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException("trailing content after the report");
            }
            return new OneBotReport(scalars, message, sender, anonymousName);
        }
    }

    /** The named top-level field; {@link Scalar#NULL} when absent. */
    Scalar scalar(String field) {
        return scalars.getOrDefault(field, Scalar.NULL);
    }

    private static Scalar scalar(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> Scalar.NULL;
            case VALUE_STRING -> new Scalar(Scalar.Kind.TEXT, parser.getText(), 0);
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? Scalar.OTHER
                    : new Scalar(Scalar.Kind.INTEGER, "", parser.getLongValue());
            default -> {
                parser.skipChildren();
                yield Scalar.OTHER;
            }
        };
    }

    private static Content content(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return new Content.CqCode(parser.getText());
        }
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return new Content.Unusable();
        }
        List<@Nullable WireSegment> segments = new ArrayList<>(4);
        for (JsonToken element; (element = parser.nextToken()) != JsonToken.END_ARRAY; ) {
            if (element == null) {
                throw new IOException("message array not closed");
            }
            segments.add(element == JsonToken.START_OBJECT ? segment(parser) : skipped(parser));
        }
        return new Content.Segments(segments);
    }

    private static @Nullable WireSegment skipped(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    /** One segment object; null when it has no string type. Data values that are not scalars are left out. */
    private static @Nullable WireSegment segment(JsonParser parser) throws IOException {
        @Nullable String type = null;
        Map<String, String> data = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> {
                    type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    parser.skipChildren();
                }
                // a later data replaces an earlier one, as in a tree; one that is not an object holds nothing
                case "data" -> data = value == JsonToken.START_OBJECT ? segmentData(parser) : skippedData(parser);
                default -> parser.skipChildren();
            }
        }
        return type != null ? new WireSegment(type, data) : null;
    }

    private static Map<String, String> skippedData(JsonParser parser) throws IOException {
        parser.skipChildren();
        return Map.of();
    }

    // Values are strings by the spec; some implementations send ids as numbers, read as their text.
    private static Map<String, String> segmentData(JsonParser parser) throws IOException {
        Map<String, String> data = new HashMap<>(4);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL && SEGMENT_DATA_KEYS.contains(key)) {
                data.put(key, parser.getText());
            } else {
                data.remove(key);
                parser.skipChildren();
            }
        }
        return data;
    }

    private static Sender sender(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return Sender.NONE;
        }
        String card = "";
        String nickname = "";
        String role = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            String text = token == JsonToken.VALUE_STRING ? parser.getText() : "";
            parser.skipChildren();
            switch (field) {
                case "card" -> card = text;
                case "nickname" -> nickname = text;
                case "role" -> role = text;
                default -> { } // age, sex, area, level, title: not used
            }
        }
        return new Sender(card, nickname, role);
    }

    private static @Nullable String anonymousName(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String name = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (field.equals("name")) {
                name = token == JsonToken.VALUE_STRING ? parser.getText() : "";
            }
            parser.skipChildren();
        }
        return name;
    }
}
