package dev.qunguan.nlp.text;

import com.hankcs.hanlp.HanLP;

/**
 * Traditional → simplified Chinese through HanLP's phrase-aware converter. HanLP loads its bundled
 * dictionary (a few hundred milliseconds) on first use; texts without any ideograph never pay for it.
 */
final class SimplifiedChinese {

    private SimplifiedChinese() {}

    static String convert(String text) {
        if (!containsIdeograph(text)) {
            return text;
        }
        return Loaded.convert(text);
    }

    private static boolean containsIdeograph(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x3400 && CharacterFolder.isCjkIdeograph(c)) {
                return true;
            }
        }
        return false;
    }

    /** Holder idiom: the JVM runs this class's initialiser once, on first use, thread-safely. */
    private static final class Loaded {
        static {
            HanLP.convertToSimplifiedChinese("");
        }

        static String convert(String text) {
            return HanLP.convertToSimplifiedChinese(text);
        }
    }
}
