package dev.qunguan.nlp.text;

/**
 * Squeezes a character repeated four or more times down to two (哈哈哈哈哈 → 哈哈, !!!!!! → !!), so
 * elongated words match their plain form. Digit runs and runs of the digit mask {@code x} stay whole:
 * their length is what tells a phone or QQ number apart.
 */
final class RepeatSqueezer {

    private static final int MIN_RUN = 4;
    private static final int KEPT = 2;

    private RepeatSqueezer() {}

    static String squeeze(String text) {
        StringBuilder out = null;
        int length = text.length();
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            int end = i + width;
            int count = 1;
            while (end < length && text.codePointAt(end) == cp) {
                end += width;
                count++;
            }
            if (count >= MIN_RUN && !keepsLength(cp)) {
                if (out == null) {
                    out = new StringBuilder(length).append(text, 0, i);
                }
                for (int k = 0; k < KEPT; k++) {
                    out.appendCodePoint(cp);
                }
            } else if (out != null) {
                out.append(text, i, end);
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }

    private static boolean keepsLength(int cp) {
        return (cp >= '0' && cp <= '9') || cp == 'x' || cp == '*';
    }
}
