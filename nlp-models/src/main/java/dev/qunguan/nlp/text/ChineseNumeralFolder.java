package dev.qunguan.nlp.text;

/**
 * Rewrites runs of three or more Chinese digit characters (八八八, 捌捌捌, 幺三八) as ASCII digits, the way
 * contact numbers are spelled out to dodge filters. Shorter runs and runs touching a place-value
 * character (一五一十, 三百五十) are ordinary words or amounts and stay as they are.
 */
final class ChineseNumeralFolder {

    private static final String DIGITS = "零〇一二三四五六七八九";
    private static final String CAPITAL_DIGITS = "零〇壹贰叁肆伍陆柒捌玖";
    private static final String PLACE_VALUES = "十百千万亿拾佰仟萬億";
    private static final int MIN_RUN = 3;

    private ChineseNumeralFolder() {}

    static String fold(String text) {
        StringBuilder out = null;
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (digitOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < length && digitOf(text.charAt(end)) >= 0) {
                end++;
            }
            if (end - i >= MIN_RUN && !touchesPlaceValue(text, i, end)) {
                if (out == null) {
                    out = new StringBuilder(length).append(text, 0, i);
                }
                for (int j = i; j < end; j++) {
                    out.append((char) ('0' + digitOf(text.charAt(j))));
                }
            } else if (out != null) {
                out.append(text, i, end);
            }
            i = end;
            if (out != null) {
                int next = nextDigitCharacter(text, i);
                out.append(text, i, next);
                i = next;
            }
        }
        return out == null ? text : out.toString();
    }

    private static int nextDigitCharacter(String text, int from) {
        int i = from;
        while (i < text.length() && digitOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static boolean touchesPlaceValue(String text, int start, int end) {
        return (start > 0 && PLACE_VALUES.indexOf(text.charAt(start - 1)) >= 0)
                || (end < text.length() && PLACE_VALUES.indexOf(text.charAt(end)) >= 0);
    }

    private static int digitOf(char c) {
        if (c == '幺') {
            return 1;
        }
        int plain = DIGITS.indexOf(c);
        if (plain >= 0) {
            return plain == 0 ? 0 : plain - 1;
        }
        int capital = CAPITAL_DIGITS.indexOf(c);
        return capital < 0 ? -1 : (capital == 0 ? 0 : capital - 1);
    }
}
