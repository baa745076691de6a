package dev.qunguan.nlp.model;

import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import dev.qunguan.nlp.rules.RuleClassifier;
import dev.qunguan.nlp.text.HanlpDictionaries;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns normalised text into the model's feature strings: character 1–3-grams of a shaped copy of the
 * text, HanLP dictionary words, the rule classifier's named signals, question and mention markers and a
 * coarse length bucket. Shaping hides what the dev data would let a model memorise instead of learn:
 * every digit, and every digit masked as {@code x} in forwarded SMS, becomes {@code 0}, and odd glyphs
 * (emoji, decorations) collapse to one symbol. Thread-safe.
 */
final class FeatureExtractor {

    /** Bumped whenever features change: a model file records the version it was trained with. */
    static final int VERSION = 1;

    private static final char SYMBOL = '◇';
    private static final char BEGIN = '^';
    private static final char END = '$';
    // Prefixes outside the shaped alphabet keep feature families apart.
    private static final String WORD = "\u0001";
    private static final String SIGNAL = "\u0002";
    private static final String MARK = "\u0003";
    private static final int[] LENGTH_BUCKETS = {2, 4, 8, 16, 32, 64};
    private static final String[] LENGTH_MARKS = {"len0", "len1", "len2", "len3", "len4", "len5", "len6"};
    private static final String[] RULE_VERDICTS = ruleVerdicts();

    private final RuleClassifier rules;
    private final Segment segmenter;

    private FeatureExtractor(RuleClassifier rules, Segment segmenter) {
        this.rules = rules;
        this.segmenter = segmenter;
    }

    private static String[] ruleVerdicts() {
        Label[] labels = Label.values();
        String[] verdicts = new String[labels.length];
        for (Label label : labels) {
            verdicts[label.ordinal()] = "rule-" + label.wireName();
        }
        return verdicts;
    }

    static FeatureExtractor create() {
        // Dictionary look-up only: no name/place recognisers, no part-of-speech tagging (the slow parts).
        HanlpDictionaries.load();
        Segment segment = new DoubleArrayTrieSegment();
        return new FeatureExtractor(RuleClassifier.create(), segment);
    }

    /** The features as strings, the way OpenNLP trains on them. */
    String[] extract(String normalized) {
        List<String> features = new ArrayList<>(3 * normalized.length() + 24);
        extract(normalized, new FeatureSink() {
            @Override
            public void gram(char[] shaped, int from, int to) {
                features.add(new String(shaped, from, to - from));
            }

            @Override
            public void feature(String prefix, String body) {
                features.add(prefix + body);
            }
        });
        return features.toArray(String[]::new);
    }

    /** Hands every feature of the text to the sink, in a fixed order; returns the rule signals found. */
    List<String> extract(String normalized, FeatureSink sink) {
        char[] shaped = new char[normalized.length() + 2];
        int shapedLength = shape(normalized, shaped);
        addCharacterGrams(shaped, shapedLength, sink);
        addWords(normalized, sink);
        Classification verdict = rules.classifyNormalized(normalized);
        List<String> signals = new ArrayList<>(verdict.signals().size() + 1);
        for (String signal : verdict.signals()) {
            sink.feature(SIGNAL, signal);
            signals.add(signal);
        }
        if (verdict.label() != Label.NORMAL) {
            String ruleVerdict = RULE_VERDICTS[verdict.label().ordinal()];
            sink.feature(SIGNAL, ruleVerdict);
            signals.add(ruleVerdict);
        }
        addMarks(normalized, sink);
        return signals;
    }

    private static void addCharacterGrams(char[] shaped, int length, FeatureSink sink) {
        for (int i = 0; i < length; i++) {
            char c = shaped[i];
            if (c != BEGIN && c != END && c != ' ') {
                sink.gram(shaped, i, i + 1);
            }
            if (i + 2 <= length) {
                sink.gram(shaped, i, i + 2);
            }
            if (i + 3 <= length) {
                sink.gram(shaped, i, i + 3);
            }
        }
    }

    private void addWords(String normalized, FeatureSink sink) {
        for (Term term : segmenter.seg(normalized)) {
            String word = term.word;
            if (word.length() >= 2 && isIdeograph(word.charAt(0))) {
                sink.feature(WORD, word);
            }
        }
    }

    private static void addMarks(String normalized, FeatureSink sink) {
        int length = normalized.codePointCount(0, normalized.length());
        int bucket = 0;
        while (bucket < LENGTH_BUCKETS.length && length > LENGTH_BUCKETS[bucket]) {
            bucket++;
        }
        sink.feature(MARK, LENGTH_MARKS[bucket]);
        if (normalized.indexOf('@') >= 0) {
            sink.feature(MARK, "at");
        }
        if (normalized.indexOf('?') >= 0) {
            sink.feature(MARK, "qmark");
        }
    }

    /** The rule signals among extracted features, for logs and admin feedback. */
    static List<String> signalsOf(String[] features) {
        List<String> signals = new ArrayList<>(4);
        for (String feature : features) {
            if (feature.startsWith(SIGNAL)) {
                signals.add(feature.substring(SIGNAL.length()));
            }
        }
        return signals;
    }

    /** Digits and masked digits to 0, odd glyphs to one symbol, whitespace runs to one space, with ends marked. */
    static String shape(String text) {
        char[] shaped = new char[text.length() + 2];
        return new String(shaped, 0, shape(text, shaped));
    }

    /** Writes the shaped text into {@code out} (at least {@code text.length() + 2} long); returns its length. */
    private static int shape(String text, char[] out) {
        int length = text.length();
        int n = 0;
        out[n++] = BEGIN;
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                pendingSpace = n > 1;
                continue;
            }
            if (pendingSpace) {
                out[n++] = ' ';
                pendingSpace = false;
            }
            if (c >= '0' && c <= '9') {
                out[n++] = '0';
            } else if (c == 'x' && isMaskedDigit(text, i)) {
                out[n++] = '0';
            } else if ((c >= 'a' && c <= 'z') || isIdeograph(c) || isKeptPunctuation(c)) {
                out[n++] = c;
            } else if (Character.isHighSurrogate(c)) {
                out[n++] = SYMBOL;
                i++;
            } else if (Character.isLetter(c)) {
                out[n++] = c;
            } else {
                out[n++] = SYMBOL;
            }
        }
        out[n++] = END;
        return n;
    }

    /** An x inside a run of x and digits that is three long with a digit, or four long without one. */
    private static boolean isMaskedDigit(String text, int at) {
        int start = at;
        while (start > 0 && isDigitOrX(text.charAt(start - 1))) {
            start--;
        }
        int end = at + 1;
        while (end < text.length() && isDigitOrX(text.charAt(end))) {
            end++;
        }
        if (start > 0 && isAsciiLetter(text.charAt(start - 1)) || end < text.length() && isAsciiLetter(text.charAt(end))) {
            return false;
        }
        int run = end - start;
        boolean hasDigit = false;
        for (int i = start; i < end && !hasDigit; i++) {
            hasDigit = text.charAt(i) != 'x';
        }
        return hasDigit ? run >= 3 : run >= 4;
    }

    private static boolean isDigitOrX(char c) {
        return (c >= '0' && c <= '9') || c == 'x';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isKeptPunctuation(char c) {
        return (c > ' ' && c < 0x7F && c != BEGIN && c != END) || (c >= 0x3001 && c <= 0x303F);
    }

    private static boolean isIdeograph(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
    }
}
