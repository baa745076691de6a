package dev.qunguan.nlp.text;

/** The matching normaliser: character folding, punctuation to spaces, whitespace squeezed. Stateless. */
final class MatchingTextNormalizer implements TextNormalizer {

    static final MatchingTextNormalizer INSTANCE = new MatchingTextNormalizer();

    private MatchingTextNormalizer() {}

    @Override
    public String normalize(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        CharacterFolder.fold(text, folded);
        String squeezed = RepeatSqueezer.squeeze(SimplifiedChinese.convert(folded.toString()));
        return wordsOnly(squeezed);
    }

    /** Keeps letters and digits; a space separates words only where neither side is a Chinese character. */
    private static String wordsOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int lastWordCharacter = -1;
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                gap = true;
                continue;
            }
            if (gap && lastWordCharacter >= 0
                    && !(CharacterFolder.isCjkIdeograph(lastWordCharacter) && CharacterFolder.isCjkIdeograph(cp))) {
                out.append(' ');
            }
            gap = false;
            out.appendCodePoint(cp);
            lastWordCharacter = cp;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "TextNormalizer.forMatching()";
    }
}
