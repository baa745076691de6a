package dev.qunguan.nlp.faq;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import dev.qunguan.nlp.text.HanlpDictionaries;
import dev.qunguan.nlp.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a wording apart for matching: {@link TextNormalizer#forMatching()}, then HanLP's Viterbi
 * segmenter (core dictionary, no name recognition: three times faster and names still come out as
 * unknown words), then words, synonym groups and character bigrams. Thread-safe.
 */
final class TextAnalyzer {

    private static final String SYNONYM_PREFIX = "\u0001";
    // Light verbs and fillers that a paraphrase adds or drops freely.
    private static final Set<String> LIGHT = Set.of(
            "是", "有", "要", "能", "会", "可以", "应该", "需要", "想", "请问", "知道", "大家", "一下", "一个",
            "吗", "呢", "啊", "吧", "呀", "的", "了", "么", "好", "哪些", "什么", "怎么", "如何", "怎样", "为什么");
    private static final double COMMON_FREQUENCY = 2_000_000.0;
    private static final String NEGATIONS = "不没无未别非莫";
    private static final String NUMERALS = "零一二三四五六七八九十百千万亿两";

    private final TextNormalizer normalizer;
    private final Segment segment;
    private final SynonymBook synonyms;

    private TextAnalyzer(TextNormalizer normalizer, Segment segment, SynonymBook synonyms) {
        this.normalizer = normalizer;
        this.segment = segment;
        this.synonyms = synonyms;
    }

    static TextAnalyzer standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static {
            HanlpDictionaries.load();
        }

        static final TextAnalyzer STANDARD = new TextAnalyzer(
                TextNormalizer.forMatching(),
                HanLP.newSegment().enableNameRecognize(false).enableOffset(false),
                SynonymBook.core());
    }

    AnalyzedText analyze(String text) {
        String normalized = normalizer.normalize(text);
        String compact = normalized.replace(" ", "");
        List<Term> terms = normalized.isEmpty() ? List.of() : segment.seg(normalized);
        List<String> words = new ArrayList<>(terms.size());
        List<Boolean> contentFlags = new ArrayList<>(terms.size());
        StringBuilder classes = new StringBuilder(terms.size());
        List<Float> weights = new ArrayList<>(terms.size());
        Set<Integer> groups = new HashSet<>();
        Map<String, Integer> wordTerms = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        Set<String> entities = new HashSet<>();
        for (Term term : terms) {
            String word = term.word.strip();
            if (word.isEmpty()) {
                continue;
            }
            String nature = term.nature == null ? "x" : term.nature.toString();
            int frequency = CoreDictionary.getTermFrequency(word);
            boolean content = isContent(word, nature);
            words.add(word);
            classes.append(nature.charAt(0));
            contentFlags.add(content);
            weights.add((float) Math.max(1.0, Math.log(COMMON_FREQUENCY / (frequency + 1.0))));
            wordTerms.merge(word, 1, Integer::sum);
            if (content && (nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt")
                    || nature.equals("nz") || nature.equals("nx") || (frequency == 0 && word.length() >= 2))) {
                entities.add(word);
            }
            if (content) {
                for (int group : synonyms.groups(word)) {
                    if (groups.add(group)) {
                        wordTerms.merge(SYNONYM_PREFIX + group, 1, Integer::sum);
                    }
                }
            }
        }
        boolean[] content = new boolean[words.size()];
        float[] weightArray = new float[words.size()];
        for (int i = 0; i < content.length; i++) {
            content[i] = contentFlags.get(i);
            weightArray[i] = weights.get(i);
        }
        numbers(compact, numbers);
        int negations = 0;
        for (int i = 0; i < compact.length(); i++) {
            if (NEGATIONS.indexOf(compact.charAt(i)) >= 0) {
                negations++;
            }
        }
        return new AnalyzedText(
                compact,
                words.toArray(String[]::new),
                classes.toString().toCharArray(),
                content,
                weightArray,
                Set.copyOf(words),
                Set.copyOf(groups),
                Map.copyOf(wordTerms),
                bigrams(compact),
                Set.copyOf(numbers),
                negations,
                QuestionKind.maskOf(compact),
                Set.copyOf(entities));
    }

    /**
     * Digit runs, and Chinese numeral runs that count something: after 第, two or more numerals, or a
     * single numeral other than 一/两 (which mostly mean "a": 一下, 两个人).
     */
    private static void numbers(String compact, Set<String> into) {
        int i = 0;
        while (i < compact.length()) {
            char c = compact.charAt(i);
            int end = i;
            if (c >= '0' && c <= '9') {
                while (end < compact.length() && compact.charAt(end) >= '0' && compact.charAt(end) <= '9') {
                    end++;
                }
                into.add(compact.substring(i, end));
            } else if (NUMERALS.indexOf(c) >= 0) {
                while (end < compact.length() && NUMERALS.indexOf(compact.charAt(end)) >= 0) {
                    end++;
                }
                String run = compact.substring(i, end);
                boolean ordinal = i > 0 && compact.charAt(i - 1) == '第';
                if (ordinal || run.length() >= 2 || (c != '一' && c != '两')) {
                    into.add(run);
                }
            } else {
                end = i + 1;
            }
            i = Math.max(end, i + 1);
        }
    }

    private static boolean isContent(String word, String nature) {
        if (LIGHT.contains(word)) {
            return false;
        }
        char kind = nature.charAt(0);
        // particles, modal particles, punctuation, interjections, onomatopoeia, prepositions, conjunctions, pronouns
        return "uyweopcr".indexOf(kind) < 0;
    }

    private static Map<String, Integer> bigrams(String compact) {
        Map<String, Integer> grams = new HashMap<>();
        if (compact.length() == 1) {
            grams.put(compact, 1);
        }
        for (int i = 0; i + 1 < compact.length(); i++) {
            grams.merge(compact.substring(i, i + 2), 1, Integer::sum);
        }
        return Map.copyOf(grams);
    }
}
