package dev.qunguan.nlp.faq;

import java.util.Map;
import java.util.Set;

/**
 * One wording taken apart for matching: normalised characters, HanLP words with their part-of-speech
 * class, content-word weights, synonym groups and the cues that flip an intent (numbers, negation,
 * question word, names). Immutable; built by {@link TextAnalyzer}.
 *
 * @param compact normalised text without spaces, the unit for character features
 * @param words every word, in order
 * @param classes first letter of each word's HanLP part-of-speech tag (n noun, v verb, a adjective, …)
 * @param content whether each word carries meaning (not a particle, pronoun, punctuation or light verb)
 * @param weights corpus-independent weight of each word (rarer in general Chinese, heavier)
 * @param wordSet the distinct words
 * @param synonymGroups synonym-group ids of the content words
 * @param wordTerms BM25 terms of the word field (words and synonym groups) with their counts
 * @param bigramTerms BM25 terms of the character field (character bigrams, or the lone character) with counts
 * @param numbers number tokens (digit runs and numerals)
 * @param negations count of negating characters
 * @param questionKinds bit mask of {@link QuestionKind}s asked
 * @param entities proper names, brands and unknown words: a different one usually means a different question
 */
record AnalyzedText(
        String compact,
        String[] words,
        char[] classes,
        boolean[] content,
        float[] weights,
        Set<String> wordSet,
        Set<Integer> synonymGroups,
        Map<String, Integer> wordTerms,
        Map<String, Integer> bigramTerms,
        Set<String> numbers,
        int negations,
        int questionKinds,
        Set<String> entities) {

    int length() {
        return compact.length();
    }
}
