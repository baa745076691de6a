package dev.qunguan.nlp.rules;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds the terms of every term cue in one left-to-right pass (an Aho-Corasick automaton), instead of
 * one regex alternation per cue: long alternations of Chinese words are the slow case for regexes.
 * Immutable after construction and safe to share.
 */
final class Lexicon {

    /** Receives, per cue that matched, how many distinct terms it found and whether one followed a 你. */
    @FunctionalInterface
    interface Sink {
        void accept(TermCue cue, int distinctTerms, boolean afterSecondPerson);
    }

    private final List<TermCue> cues;
    private final int[] cueOfTerm;
    private final AhoCorasickDoubleArrayTrie<Integer> automaton;

    private Lexicon(List<TermCue> cues, int[] cueOfTerm, AhoCorasickDoubleArrayTrie<Integer> automaton) {
        this.cues = cues;
        this.cueOfTerm = cueOfTerm;
        this.automaton = automaton;
    }

    static Lexicon of(List<TermCue> cues) {
        TreeMap<String, Integer> termIds = new TreeMap<>();
        List<Integer> cueOfTerm = new ArrayList<>();
        for (int cue = 0; cue < cues.size(); cue++) {
            for (String term : cues.get(cue).terms()) {
                Integer previous = termIds.get(term);
                if (previous != null) {
                    if (cueOfTerm.get(previous) == cue) {
                        continue;
                    }
                    throw new IllegalArgumentException("term '" + term + "' belongs to both "
                            + cues.get(cueOfTerm.get(previous)).signal() + " and " + cues.get(cue).signal());
                }
                termIds.put(term, cueOfTerm.size());
                cueOfTerm.add(cue);
            }
        }
        AhoCorasickDoubleArrayTrie<Integer> automaton = new AhoCorasickDoubleArrayTrie<>();
        automaton.build(termIds);
        return new Lexicon(List.copyOf(cues), cueOfTerm.stream().mapToInt(Integer::intValue).toArray(), automaton);
    }

    List<TermCue> cues() {
        return cues;
    }

    void scan(String text, int maxDistinctPerCue, Sink sink) {
        int[] distinct = new int[cues.size()];
        boolean[] targeted = new boolean[cues.size()];
        BitSet seen = new BitSet(cueOfTerm.length);
        automaton.parseText(text, (begin, end, termId) -> {
            int cue = cueOfTerm[termId];
            if (seen.get(termId) || distinct[cue] >= maxDistinctPerCue) {
                return;
            }
            seen.set(termId);
            distinct[cue]++;
            targeted[cue] |= SecondPerson.precedes(text, begin);
        });
        for (int cue = 0; cue < cues.size(); cue++) {
            if (distinct[cue] > 0) {
                sink.accept(cues.get(cue), distinct[cue], targeted[cue]);
            }
        }
    }
}
