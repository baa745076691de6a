package dev.qunguan.adapters.onebot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a CQ-code message string such as {@code [CQ:at,qq=10001000] 你好} into segments, undoing the
 * CQ escapes ({@code &amp; &#91; &#93; &#44;}) in text and parameter values.
 */
final class CqCodeParser {
    private static final String CODE_START = "[CQ:";

    private CqCodeParser() {}

    static List<WireSegment> parse(String message) {
        List<WireSegment> segments = new ArrayList<>();
        int textStart = 0;
        int from = 0;
        while (true) {
            int open = message.indexOf(CODE_START, from);
            if (open < 0) {
                break;
            }
            // ']' inside a code is always escaped, so the first one closes it.
            int close = message.indexOf(']', open);
            if (close < 0) {
                break; // an unterminated code is kept as text
            }
            if (open > textStart) {
                segments.add(WireSegment.text(unescape(message.substring(textStart, open))));
            }
            segments.add(code(message.substring(open + CODE_START.length(), close)));
            textStart = close + 1;
            from = textStart;
        }
        if (textStart < message.length()) {
            segments.add(WireSegment.text(unescape(message.substring(textStart))));
        }
        return segments;
    }

    private static WireSegment code(String body) {
        String[] parts = body.split(",", -1);
        Map<String, String> data = new HashMap<>(parts.length * 2);
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                data.put(parts[i].substring(0, eq), unescape(parts[i].substring(eq + 1)));
            }
        }
        return new WireSegment(parts[0].strip(), data);
    }

    /** One pass, so an escaped escape such as {@code &amp;#91;} comes out as the literal {@code &#91;}. */
    static String unescape(String escaped) {
        int amp = escaped.indexOf('&');
        if (amp < 0) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(escaped.length());
        out.append(escaped, 0, amp);
        int i = amp;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            if (c == '&') {
                char plain = escapedCharAt(escaped, i);
                if (plain != 0) {
                    out.append(plain);
                    i += 5; // every CQ escape is five characters long
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static char escapedCharAt(String text, int at) {
        if (text.startsWith("&amp;", at)) {
            return '&';
        }
        if (text.startsWith("&#91;", at)) {
            return '[';
        }
        if (text.startsWith("&#93;", at)) {
            return ']';
        }
        if (text.startsWith("&#44;", at)) {
            return ',';
        }
        return 0;
    }
}
