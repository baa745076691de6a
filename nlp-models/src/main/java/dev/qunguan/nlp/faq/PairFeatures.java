package dev.qunguan.nlp.faq;

import java.util.List;
import java.util.Set;

/**
 * The evidence, for one question and one candidate wording, that both ask the same thing: lexical
 * overlap at word, synonym and character level, the weight of what one says and the other does not,
 * and the cues that flip an intent while leaving most words in place (a different number, negation,
 * question word or name, a verb or noun swapped for another, shared words in reverse order, a different
 * word after the question word). The last three slots describe the ranking, not the pair, and are
 * filled in by {@link DefaultFaqIndex#choose}. Stateless.
 */
final class PairFeatures {

    static final List<String> NAMES = List.of(
            "word_bm25_q", "bigram_bm25_q", "word_bm25_d", "bigram_bm25_d",
            "char_dice", "bigram_dice", "word_jaccard",
            "cover_q", "cover_d", "miss_q_max", "miss_d_max",
            "common_substring", "common_subsequence", "length_ratio",
            "number_mismatch", "negation_mismatch", "question_differs", "question_disjoint", "entity_miss",
            "margin", "top_rank", "exact", "synonym_overlap",
            "miss_count", "miss_weight", "cover_min", "char_difference",
            "swapped_verb", "swapped_noun", "swapped_adjective", "one_side_extra", "order_inversions", "focus_miss",
            "rank_logit", "rank_gap", "runner_up_likeness");

    static final int COUNT = NAMES.size();
    /** Filled in only for the candidate the ranking model puts first, from the ranking of all candidates. */
    static final int RANK_LOGIT = NAMES.indexOf("rank_logit");
    static final int RANK_GAP = NAMES.indexOf("rank_gap");
    static final int RUNNER_UP_LIKENESS = NAMES.indexOf("runner_up_likeness");

    // word classes a side can leave unsaid, as bits
    private static final int VERB = 1;
    private static final int NOUN = 2;
    private static final int ADJECTIVE = 4;
    private static final int OTHER = 8;
    // the word after one of these is what the question is about ("怎么|退款", "什么|牌子")
    private static final Set<String> FOCUS_CUES = Set.of("怎么", "如何", "怎样", "什么", "哪个", "哪些", "哪里", "多少", "为什么");

    private PairFeatures() {}

    /**
     * @param retrieval the first-stage scores: word and bigram BM25 normalised by the question's and the
     *     candidate's self-scores
     * @param margin this candidate's first-stage score minus the best other candidate's
     */
    static double[] of(AnalyzedText q, AnalyzedText d, double[] retrieval, double margin, int rank) {
        double[] f = new double[COUNT];
        f[0] = retrieval[0];
        f[1] = retrieval[1];
        f[2] = retrieval[2];
        f[3] = retrieval[3];
        f[4] = charDice(q.compact(), d.compact());
        f[5] = dice(q.bigramTerms().keySet(), d.bigramTerms().keySet());
        f[6] = jaccard(q.wordSet(), d.wordSet());
        double[] coverQ = coverage(q, d);
        double[] coverD = coverage(d, q);
        f[7] = coverQ[0];
        f[8] = coverD[0];
        f[9] = coverQ[1] / 10.0;
        f[10] = coverD[1] / 10.0;
        int shorter = Math.max(1, Math.min(q.length(), d.length()));
        int longer = Math.max(1, Math.max(q.length(), d.length()));
        f[11] = (double) longestCommonSubstring(q.compact(), d.compact()) / shorter;
        f[12] = (double) longestCommonSubsequence(q.compact(), d.compact()) / longer;
        f[13] = (double) shorter / longer;
        f[14] = q.numbers().equals(d.numbers()) ? 0 : 1;
        f[15] = (q.negations() & 1) == (d.negations() & 1) ? 0 : 1;
        f[16] = q.questionKinds() == d.questionKinds() ? 0 : 1;
        f[17] = q.questionKinds() != 0 && d.questionKinds() != 0 && (q.questionKinds() & d.questionKinds()) == 0 ? 1 : 0;
        f[18] = Math.min(3, missingEntities(q, d) + missingEntities(d, q));
        f[19] = margin;
        f[20] = rank == 0 ? 1 : 0;
        f[21] = q.compact().equals(d.compact()) ? 1 : 0;
        f[22] = synonymOverlap(q.synonymGroups(), d.synonymGroups());
        f[23] = Math.min(4, coverQ[2] + coverD[2]);
        f[24] = (coverQ[3] + coverD[3]) / 10.0;
        f[25] = Math.min(coverQ[0], coverD[0]);
        f[26] = Math.min(6, characterDifference(q.compact(), d.compact()) + characterDifference(d.compact(), q.compact()));
        int unsaidQ = unsaidClasses(q, d);
        int unsaidD = unsaidClasses(d, q);
        f[27] = (unsaidQ & unsaidD & VERB) != 0 ? 1 : 0;
        f[28] = (unsaidQ & unsaidD & NOUN) != 0 ? 1 : 0;
        f[29] = (unsaidQ & unsaidD & ADJECTIVE) != 0 ? 1 : 0;
        f[30] = (unsaidQ == 0) != (unsaidD == 0) ? 1 : 0;
        f[31] = orderInversions(q, d);
        f[32] = focusMissing(q, d) + focusMissing(d, q);
        return f;
    }

    /**
     * Classes of {@code a}'s content words that {@code b} does not say in any form, as a bit set: when both
     * sides leave out a verb (领 vs 抽) or a noun (邮箱 vs 微博), one was swapped for the other.
     */
    private static int unsaidClasses(AnalyzedText a, AnalyzedText b) {
        int classes = 0;
        String[] words = a.words();
        for (int i = 0; i < words.length; i++) {
            if (a.content()[i] && unsaid(words[i], b)) {
                classes |= switch (a.classes()[i]) {
                    case 'v' -> VERB;
                    case 'n' -> NOUN;
                    case 'a' -> ADJECTIVE;
                    default -> OTHER;
                };
            }
        }
        return classes;
    }

    private static boolean unsaid(String word, AnalyzedText other) {
        return !other.wordSet().contains(word) && !other.compact().contains(word) && !sharesGroup(word, other)
                && sharedCharacters(word, other.compact()) < 0.5;
    }

    /** Share of pairs of shared content words that the two texts put in opposite order ("A 叫 B" vs "B 叫 A"). */
    private static double orderInversions(AnalyzedText q, AnalyzedText d) {
        int[] positions = new int[q.words().length];
        int shared = 0;
        for (int i = 0; i < q.words().length; i++) {
            if (q.content()[i]) {
                int at = d.compact().indexOf(q.words()[i]);
                if (at >= 0) {
                    positions[shared++] = at;
                }
            }
        }
        int pairs = 0;
        int inverted = 0;
        for (int i = 0; i < shared; i++) {
            for (int j = i + 1; j < shared; j++) {
                if (positions[i] != positions[j]) {
                    pairs++;
                    if (positions[i] > positions[j]) {
                        inverted++;
                    }
                }
            }
        }
        return pairs == 0 ? 0 : (double) inverted / pairs;
    }

    /** 1 when the word right after {@code a}'s question word is a content word {@code b} does not say. */
    private static int focusMissing(AnalyzedText a, AnalyzedText b) {
        String[] words = a.words();
        for (int i = 1; i < words.length; i++) {
            if (FOCUS_CUES.contains(words[i - 1]) && a.content()[i] && unsaid(words[i], b)) {
                return 1;
            }
        }
        return 0;
    }

    /** Weighted share of {@code a}'s content words that {@code b} also says (same word, synonym, or inside b's text), and the heaviest one it does not. */
    private static double[] coverage(AnalyzedText a, AnalyzedText b) {
        double total = 0;
        double covered = 0;
        double heaviestMissing = 0;
        double missingWeight = 0;
        int missing = 0;
        String[] words = a.words();
        for (int i = 0; i < words.length; i++) {
            if (!a.content()[i]) {
                continue;
            }
            double weight = a.weights()[i];
            total += weight;
            String word = words[i];
            if (b.wordSet().contains(word) || b.compact().contains(word) || sharesGroup(word, b)) {
                covered += weight;
            } else {
                // a word sharing characters with the other text ("本群" and "群") is partly said
                double shared = sharedCharacters(word, b.compact());
                covered += weight * shared;
                heaviestMissing = Math.max(heaviestMissing, weight * (1 - shared));
                missingWeight += weight * (1 - shared);
                if (shared < 0.5) {
                    missing++;
                }
            }
        }
        return new double[] {total == 0 ? 1.0 : covered / total, heaviestMissing, missing, missingWeight};
    }

    private static double sharedCharacters(String word, String text) {
        int shared = 0;
        for (int i = 0; i < word.length(); i++) {
            if (text.indexOf(word.charAt(i)) >= 0) {
                shared++;
            }
        }
        return (double) shared / word.length();
    }

    /** Distinct characters of {@code a} that {@code b} lacks: one changed character often changes the question. */
    private static int characterDifference(String a, String b) {
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (b.indexOf(c) < 0 && a.indexOf(c) == i) {
                count++;
            }
        }
        return count;
    }

    private static boolean sharesGroup(String word, AnalyzedText other) {
        for (int group : SynonymBook.core().groups(word)) {
            if (other.synonymGroups().contains(group)) {
                return true;
            }
        }
        return false;
    }

    private static int missingEntities(AnalyzedText a, AnalyzedText b) {
        int missing = 0;
        for (String entity : a.entities()) {
            if (!b.compact().contains(entity) && !sharesGroup(entity, b)) {
                missing++;
            }
        }
        return missing;
    }

    private static double synonymOverlap(Set<Integer> a, Set<Integer> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (int group : a) {
            if (b.contains(group)) {
                shared++;
            }
        }
        return (double) shared / Math.min(a.size(), b.size());
    }

    static double charDice(String a, String b) {
        int distinctA = 0;
        int distinctB = 0;
        int shared = 0;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (a.indexOf(c) == i) {
                distinctA++;
                if (b.indexOf(c) >= 0) {
                    shared++;
                }
            }
        }
        for (int i = 0; i < b.length(); i++) {
            if (b.indexOf(b.charAt(i)) == i) {
                distinctB++;
            }
        }
        return distinctA + distinctB == 0 ? 0 : 2.0 * shared / (distinctA + distinctB);
    }

    private static <T> double dice(Set<T> a, Set<T> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (T item : a) {
            if (b.contains(item)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    private static <T> double jaccard(Set<T> a, Set<T> b) {
        int shared = 0;
        for (T item : a) {
            if (b.contains(item)) {
                shared++;
            }
        }
        int union = a.size() + b.size() - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    static int longestCommonSubstring(String a, String b) {
        int best = 0;
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                current[j] = a.charAt(i - 1) == b.charAt(j - 1) ? previous[j - 1] + 1 : 0;
                best = Math.max(best, current[j]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return best;
    }

    static int longestCommonSubsequence(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                current[j] = a.charAt(i - 1) == b.charAt(j - 1)
                        ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
