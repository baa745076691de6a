package dev.qunguan.nlp.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds one code point at a time: drops invisible and control characters, maps full-width forms to
 * ASCII, decorated digits and letters (①, ⑴, ⒈, ❶, 🅰, 𝐕) to plain ones, Cyrillic and Greek look-alikes
 * to Latin, and lower-cases ASCII. Whitespace of any kind becomes a plain space.
 */
final class CharacterFolder {

    static final String HEART = "❤";

    // Sorted keys and their replacements: a binary search keeps look-ups free of boxing.
    private static final int[] KEYS;
    private static final String[] VALUES;

    static {
        Map<Integer, String> table = new TreeMap<>();
        putDigitRun(table, 0x2460, 1, 20); // ① .. ⑳
        putDigitRun(table, 0x2474, 1, 20); // ⑴ .. ⒇ (NFKC would keep the parentheses)
        putDigitRun(table, 0x2488, 1, 20); // ⒈ .. ⒛ (NFKC would keep the full stop)
        putDigitRun(table, 0x24EB, 11, 20); // ⓫ .. ⓴
        putDigitRun(table, 0x24F5, 1, 10); // ⓵ .. ⓾
        putDigitRun(table, 0x2776, 1, 10); // ❶ .. ❿
        putDigitRun(table, 0x2780, 1, 10); // ➀ .. ➉
        putDigitRun(table, 0x278A, 1, 10); // ➊ .. ➓
        table.put(0x24EA, "0"); // ⓪
        table.put(0x24FF, "0"); // ⓿
        table.put(0x1F10B, "0");
        table.put(0x1F10C, "0");
        table.put(0x1F51F, "10"); // 🔟
        putLetterRun(table, 0x249C); // ⒜ .. ⒵
        putLetterRun(table, 0x1F150); // 🅐 .. 🅩
        putLetterRun(table, 0x1F170); // 🅰 .. 🆉
        putLetterRun(table, 0x1F1E6); // regional indicators 🇦 .. 🇿
        putPairs(table, "АaВbЕeЁeКkМmНhОoРpСcТtУyХxЅsІiЈjаaвbеeёeкkмmнhоoрpсcтtуyхxѕsіiјjԁdһhԛqԝwӏlүy");
        putPairs(table, "ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxαaβbγyεeηnιiκkνvοoρpτtυuχxωw");
        putPairs(table, "ᴀaʙbᴄcᴅdᴇeꜰfɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzɑa");
        for (int heart : new int[] {0x2665, 0x2763, 0x2765, 0x1F493, 0x1F495, 0x1F496, 0x1F497, 0x1F498, 0x1F49E}) {
            table.put(heart, HEART);
        }
        KEYS = table.keySet().stream().mapToInt(Integer::intValue).toArray();
        VALUES = table.values().toArray(String[]::new);
    }

    private CharacterFolder() {}

    /** Appends the folded form of {@code text} to {@code out}. */
    static void fold(CharSequence text, StringBuilder out) {
        int length = text.length();
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            foldCodePoint(cp, out);
        }
    }

    private static void foldCodePoint(int cp, StringBuilder out) {
        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z') {
                out.append((char) (cp + ('a' - 'A')));
            } else if (cp >= 0x20 && cp != 0x7F) {
                out.append((char) cp);
            } else if (Character.isWhitespace(cp)) {
                out.append(' ');
            }
            return;
        }
        if (isCjkIdeograph(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            foldCodePoint(cp - 0xFEE0, out);
            return;
        }
        if (isInvisible(cp)) {
            return;
        }
        int slot = Arrays.binarySearch(KEYS, cp);
        if (slot >= 0) {
            out.append(VALUES[slot]);
            return;
        }
        int type = Character.getType(cp);
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            out.append(' ');
            return;
        }
        if (type == Character.CONTROL || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return;
        }
        if (isCommonCjkPunctuation(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        String single = Character.toString(cp);
        String compatible = Normalizer.normalize(single, Normalizer.Form.NFKC);
        if (compatible.equals(single)) {
            out.appendCodePoint(cp);
            return;
        }
        // The compatibility form may itself be a look-alike (e.g. math Greek) or upper-case ASCII.
        for (int j = 0; j < compatible.length(); ) {
            int folded = compatible.codePointAt(j);
            j += Character.charCount(folded);
            foldCodePoint(folded, out);
        }
    }

    static boolean isCjkIdeograph(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
    }

    private static boolean isCommonCjkPunctuation(int cp) {
        return cp > 0x3000 && cp <= 0x303F;
    }

    private static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x2060 && cp <= 0x2064)
                || cp == 0xFEFF
                || cp == 0x00AD
                || cp == 0x034F
                || cp == 0x180E
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors (emoji presentation)
                || cp == 0x20E3 // combining keycap: 1️⃣ keeps only its digit
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers render blank
                || (cp >= 0xE0000 && cp <= 0xE007F);
    }

    private static void putDigitRun(Map<Integer, String> table, int first, int fromValue, int toValue) {
        for (int value = fromValue; value <= toValue; value++) {
            table.put(first + value - fromValue, Integer.toString(value));
        }
    }

    private static void putLetterRun(Map<Integer, String> table, int first) {
        for (int letter = 0; letter < 26; letter++) {
            table.put(first + letter, String.valueOf((char) ('a' + letter)));
        }
    }

    private static void putPairs(Map<Integer, String> table, String pairs) {
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            table.put((int) pairs.charAt(i), String.valueOf(pairs.charAt(i + 1)));
        }
    }
}
