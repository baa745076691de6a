package dev.qunguan.nlp.text;

/** The moderation normaliser: character folding, then word-level de-obfuscation. Stateless. */
final class StandardTextNormalizer implements TextNormalizer {

    static final StandardTextNormalizer INSTANCE = new StandardTextNormalizer();

    private StandardTextNormalizer() {}

    @Override
    public String normalize(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        CharacterFolder.fold(text, folded);
        String simplified = SimplifiedChinese.convert(folded.toString());
        String numbers = ChineseNumeralFolder.fold(simplified);
        String squeezed = RepeatSqueezer.squeeze(numbers);
        String joined = ObfuscationJoiner.join(squeezed);
        return ContactWordCanonicalizer.canonicalize(joined);
    }

    @Override
    public String toString() {
        return "TextNormalizer.standard()";
    }
}
