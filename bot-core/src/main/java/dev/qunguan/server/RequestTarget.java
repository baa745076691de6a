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
        if (isPlainPath(uri)) {
            return new RequestTarget(uri, Map.of()); // the usual webhook target: nothing to decode
        }
        try {
            QueryStringDecoder decoder = new QueryStringDecoder(uri);
            Map<String, List<String>> query = new HashMap<>();
            decoder.parameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
            return new RequestTarget(decoder.path(), query);
        } catch (IllegalArgumentException badEncoding) {
            return null;
        }
    }

    private static boolean isPlainPath(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '/' || c == '-' || c == '_' || c == '.';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
