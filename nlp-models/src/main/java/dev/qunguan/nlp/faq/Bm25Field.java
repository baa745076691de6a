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

    private record Postings(int[] rows, float[] frequencies, float idf) {}

    private final Map<String, Postings> postings;
    private final float[] lengths;
    private final float averageLength;
    private final float unseenIdf;
    private final int rows;

    private Bm25Field(Map<String, Postings> postings, float[] lengths, float averageLength, float unseenIdf) {
        this.postings = postings;
        this.lengths = lengths;
        this.averageLength = averageLength;
        this.unseenIdf = unseenIdf;
        this.rows = lengths.length;
    }

    static Bm25Field of(List<Map<String, Integer>> termsByRow) {
        int n = termsByRow.size();
        Map<String, List<int[]>> building = new HashMap<>();
        float[] lengths = new float[n];
        double total = 0;
        for (int row = 0; row < n; row++) {
            int length = 0;
            for (Map.Entry<String, Integer> term : termsByRow.get(row).entrySet()) {
                building.computeIfAbsent(term.getKey(), any -> new ArrayList<>()).add(new int[] {row, term.getValue()});
                length += term.getValue();
            }
            lengths[row] = length;
            total += length;
        }
        Map<String, Postings> postings = new HashMap<>(building.size() * 2);
        building.forEach((term, list) -> {
            int[] rowIds = new int[list.size()];
            float[] frequencies = new float[list.size()];
            for (int i = 0; i < rowIds.length; i++) {
                rowIds[i] = list.get(i)[0];
                frequencies[i] = list.get(i)[1];
            }
            postings.put(term, new Postings(rowIds, frequencies, idf(n, rowIds.length)));
        });
        float average = n == 0 ? 1f : (float) Math.max(1.0, total / n);
        return new Bm25Field(postings, lengths, average, idf(n, 0));
    }

    private static float idf(int rows, int documentFrequency) {
        return (float) Math.log(1.0 + (rows - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    int rows() {
        return rows;
    }

    /** Adds the BM25 score of every row matching the terms into {@code scores}; returns how many rows it touched first. */
    void accumulate(Map<String, Integer> terms, float[] scores, boolean[] touched, int[] touchedRows, int[] touchedCount) {
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            Postings list = postings.get(term.getKey());
            if (list == null) {
                continue;
            }
            int[] rowIds = list.rows();
            float[] frequencies = list.frequencies();
            float idf = list.idf();
            for (int i = 0; i < rowIds.length; i++) {
                int row = rowIds[i];
                float tf = frequencies[i];
                float norm = K1 * (1 - B + B * lengths[row] / averageLength);
                scores[row] += idf * tf * (K1 + 1) / (tf + norm);
                if (!touched[row]) {
                    touched[row] = true;
                    touchedRows[touchedCount[0]++] = row;
                }
            }
        }
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
