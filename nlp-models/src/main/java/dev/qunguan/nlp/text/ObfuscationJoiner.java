package dev.qunguan.nlp.text;

import java.util.Set;

/**
 * Undoes spacing-out: single characters separated by spaces, punctuation or emoji are joined when
 * three or more come in a row ("a b c 1 2 3" → "abc123", "加.微.信" → "加微信"), or when a pair joins
 * into a contact word ("v-x" → "vx", "微 信" → "微信"). Spaces between two Chinese characters are
 * dropped (Chinese does not space words); other whitespace runs become one space, trimmed at the ends.
 */
final class ObfuscationJoiner {

    private static final int MIN_SINGLES_RUN = 3;
    private static final Set<String> CONTACT_PAIRS = Set.of(
            "vx", "wx", "v信", "微信", "薇信", "威信", "徽信", "qq", "扣扣", "tg",
            "加v", "加q", "加微", "加我", "私聊", "私信");

    private ObfuscationJoiner() {}

    static String join(String text) {
        int length = text.length();
        // Token i spans [bounds[2i], bounds[2i+1]); separators lie between tokens.
        int[] bounds = new int[2 * (length + 1)];
        int tokens = 0;
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            if (!isWordCharacter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < length && isWordCharacter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            bounds[2 * tokens] = start;
            bounds[2 * tokens + 1] = i;
            tokens++;
        }
        if (tokens == 0) {
            return collapseWhitespace(text, 0, length, new StringBuilder(length)).toString().trim();
        }
        StringBuilder out = new StringBuilder(length);
        collapseWhitespace(text, 0, bounds[0], out);
        int runStart = 0;
        for (int t = 0; t < tokens; t++) {
            int start = bounds[2 * t];
            int end = bounds[2 * t + 1];
            out.append(text, start, end);
            if (t + 1 == tokens) {
                collapseWhitespace(text, end, length, out);
                break;
            }
            if (!isSingle(text, start, end)) {
                runStart = t + 1;
            }
            int nextStart = bounds[2 * t + 2];
            int nextEnd = bounds[2 * t + 3];
            if (!dropsSeparator(text, bounds, tokens, t, runStart, nextStart, nextEnd)) {
                collapseWhitespace(text, end, nextStart, out);
            }
        }
        return out.toString().trim();
    }

    private static boolean dropsSeparator(
            String text, int[] bounds, int tokens, int t, int runStart, int nextStart, int nextEnd) {
        int start = bounds[2 * t];
        int end = bounds[2 * t + 1];
        if (isSingle(text, start, end) && isSingle(text, nextStart, nextEnd)) {
            int runEnd = t + 1;
            while (runEnd + 1 < tokens && isSingle(text, bounds[2 * runEnd + 2], bounds[2 * runEnd + 3])) {
                runEnd++;
            }
            if (runEnd - runStart + 1 >= MIN_SINGLES_RUN) {
                return true;
            }
            String pair = text.substring(start, end) + text.substring(nextStart, nextEnd);
            if (CONTACT_PAIRS.contains(pair)) {
                return true;
            }
        }
        return isBlank(text, end, nextStart)
                && CharacterFolder.isCjkIdeograph(text.codePointBefore(end))
                && CharacterFolder.isCjkIdeograph(text.codePointAt(nextStart));
    }

    private static StringBuilder collapseWhitespace(String text, int from, int to, StringBuilder out) {
        boolean pendingSpace = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        if (pendingSpace) {
            out.append(' ');
        }
        return out;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSingle(String text, int start, int end) {
        return Character.charCount(text.codePointAt(start)) == end - start;
    }

    private static boolean isWordCharacter(int cp) {
        return Character.isLetterOrDigit(cp);
    }
}
