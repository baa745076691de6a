package dev.qunguan.server;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request target's decoded path and query parameters. */
record RequestTarget(String path, Map<String, List<String>> query) {
    RequestTarget {
        query = Map.copyOf(query);
    }

    /** Decodes both at once; null when the percent-encoding is broken (such as {@code /%ZZ}), which is a 400. */
    static @Nullable RequestTarget parse(String uri) {
        try {
            QueryStringDecoder decoder = new QueryStringDecoder(uri);
            Map<String, List<String>> query = new HashMap<>();
            decoder.parameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
            return new RequestTarget(decoder.path(), query);
        } catch (IllegalArgumentException badEncoding) {
            return null;
        }
    }
}
