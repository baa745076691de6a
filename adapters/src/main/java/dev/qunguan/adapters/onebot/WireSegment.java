package dev.qunguan.adapters.onebot;

import java.util.Map;
import java.util.Objects;

/** One OneBot message segment as it travels: a type such as {@code at} and its string parameters. */
record WireSegment(String type, Map<String, String> data) {
    WireSegment {
        Objects.requireNonNull(type, "type");
        data = Map.copyOf(data);
    }

    static WireSegment text(String text) {
        return new WireSegment("text", Map.of("text", text));
    }
}
