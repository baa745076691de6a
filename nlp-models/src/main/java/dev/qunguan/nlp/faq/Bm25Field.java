package dev.qunguan.nlp.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable inverted index over one field (words or character bigrams) of every indexed wording,
 * scored with Okapi BM25. Scores are also computed for a text against itself, so that callers can turn
 * raw scores into ratios that mean the same in a knowledge base of twenty entries or of ten thousand.
 */
final class Bm25Field {

    private static final float K1 = 1.2f;
    private static final float B = 0.75f;

    private record Postings(int[] rows, float[] weights, float idf) {}

    private final Map<String, Postings> postings;
    private final float[] lengths;
    private final float averageLength;
    private final float unseenIdf;
    private final int rows;
    private final int frequentFrom;

    private Bm25Field(Map<String, Postings> postings, float[] lengths, float averageLength, float unseenIdf) {
        this.postings = postings;
        this.lengths = lengths;
        this.averageLength = averageLength;
        this.unseenIdf = unseenIdf;
        this.rows = lengths.length;
        this.frequentFrom = Math.max(64, rows / 20);
    }

    static Bm25Field of(List<Map<String, Integer>> termsByRow) {
        int n = termsByRow.size();
        // two passes (count, then fill) keep the build free of per-posting objects
        Map<String, int[]> documentFrequency = new HashMap<>();
        float[] lengths = new float[n];
        double total = 0;
        for (int row = 0; row < n; row++) {
            int length = 0;
            for (Map.Entry<String, Integer> term : termsByRow.get(row).entrySet()) {
                documentFrequency.computeIfAbsent(term.getKey(), any -> new int[1])[0]++;
                length += term.getValue();
            }
            lengths[row] = length;
            total += length;
        }
        float average = n == 0 ? 1f : (float) Math.max(1.0, total / n);
        Map<String, int[]> rowsByTerm = new HashMap<>(documentFrequency.size() * 2);
        Map<String, float[]> weightsByTerm = new HashMap<>(documentFrequency.size() * 2);
        documentFrequency.forEach((term, df) -> {
            rowsByTerm.put(term, new int[df[0]]);
            weightsByTerm.put(term, new float[df[0]]);
            df[0] = 0;
        });
        for (int row = 0; row < n; row++) {
            float norm = K1 * (1 - B + B * lengths[row] / average);
            for (Map.Entry<String, Integer> term : termsByRow.get(row).entrySet()) {
                int[] filled = documentFrequency.get(term.getKey());
                float tf = term.getValue();
                rowsByTerm.get(term.getKey())[filled[0]] = row;
                // the term's BM25 weight in this row, without idf: precomputed once, summed per query
                weightsByTerm.get(term.getKey())[filled[0]] = tf * (K1 + 1) / (tf + norm);
                filled[0]++;
            }
        }
        Map<String, Postings> postings = new HashMap<>(documentFrequency.size() * 2);
        rowsByTerm.forEach((term, rowIds) ->
                postings.put(term, new Postings(rowIds, weightsByTerm.get(term), idf(n, rowIds.length))));
        return new Bm25Field(postings, lengths, average, idf(n, 0));
    }

    private static float idf(int rows, int documentFrequency) {
        return (float) Math.log(1.0 + (rows - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    int rows() {
        return rows;
    }

    /**
     * Adds the BM25 score of every row matching the terms into {@code scores}, except for terms so common
     * (in more than {@link #frequentFrom} rows) that walking their rows would cost more than it tells;
     * those go to {@code skipped}, for {@link #addSkipped} on a shortlist. With {@code all}, walks every term.
     */
    void accumulate(Map<String, Integer> terms, float[] scores, boolean[] touched, int[] touchedRows, int[] touchedCount,
            List<String> skipped, boolean all) {
        for (String term : terms.keySet()) {
            Postings list = postings.get(term);
            if (list == null) {
                continue;
            }
            if (!all && list.rows().length > frequentFrom) {
                skipped.add(term);
                continue;
            }
            int[] rowIds = list.rows();
            float[] weights = list.weights();
            float idf = list.idf();
            for (int i = 0; i < rowIds.length; i++) {
                int row = rowIds[i];
                scores[row] += idf * weights[i];
                if (!touched[row]) {
                    touched[row] = true;
                    touchedRows[touchedCount[0]++] = row;
                }
            }
        }
    }

    /** The part of a row's BM25 score that {@link #accumulate} skipped. */
    float addSkipped(List<String> skipped, int row, Map<String, Integer> rowTerms) {
        float norm = K1 * (1 - B + B * lengths[row] / averageLength);
        float score = 0;
        for (String term : skipped) {
            Integer count = rowTerms.get(term);
            if (count != null) {
                float tf = count;
                score += postings.get(term).idf() * tf * (K1 + 1) / (tf + norm);
            }
        }
        return score;
    }

    /** The score a text would get against a copy of itself; terms the index never saw count at the highest idf. */
    float selfScore(Map<String, Integer> terms) {
        int length = 0;
        for (int count : terms.values()) {
            length += count;
        }
        float norm = K1 * (1 - B + B * length / averageLength);
        float score = 0;
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            Postings list = postings.get(term.getKey());
            float idf = list == null ? unseenIdf : list.idf();
            float tf = term.getValue();
            score += idf * tf * (K1 + 1) / (tf + norm);
        }
        return score;
    }
}
