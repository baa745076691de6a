package dev.qunguan.nlp.text;

/**
 * Turns raw chat text into a canonical form so that keyword rules and trained models see through
 * full-width letters, traditional characters, invisible characters, look-alike glyphs and spaced-out
 * words. Implementations are thread-safe and cheap enough to run on every message.
 */
public interface TextNormalizer {

    String normalize(String text);

    /**
     * The normaliser for moderation: everything {@link #forMatching()} does, plus folding Chinese
     * numerals in number runs, joining letters spaced out to dodge filters ("加 V 信" → "加v信") and
     * rewriting contact-app nicknames to one word each ("微信", "qq", "telegram").
     */
    static TextNormalizer standard() {
        return StandardTextNormalizer.INSTANCE;
    }

    /**
     * The normaliser for matching one wording against another (FAQ look-up): folds width, case, script
     * (traditional → simplified), look-alike glyphs and invisible characters, turns punctuation and
     * symbols into spaces and squeezes whitespace, but leaves words as they are.
     */
    static TextNormalizer forMatching() {
        return MatchingTextNormalizer.INSTANCE;
    }
}
