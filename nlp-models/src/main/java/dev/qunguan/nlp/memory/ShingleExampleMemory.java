package dev.qunguan.nlp.memory;

import dev.qunguan.classify.Label;
import dev.qunguan.nlp.text.TextNormalizer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each group's examples in a bounded map in recency order, keyed by normalised text. Recall tries
 * the exact key, then scans the group for the most similar shingle set; the length filter (Jaccard ≥ s
 * needs sizes within a factor s) skips most candidates. One lock per group: groups never wait on each other.
 */
final class ShingleExampleMemory implements ExampleMemory {

    private record Remembered(Label label, int[] shingles) {}

    private static final class Group {
        final Map<String, Remembered> entries;

        Group(int capacity) {
            this.entries = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                    return size() > capacity;
                }
            };
        }
    }

    private final TextNormalizer normalizer = TextNormalizer.forMatching();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final int maxPerGroup;

    private ShingleExampleMemory(int maxPerGroup) {
        this.maxPerGroup = maxPerGroup;
    }

    static ShingleExampleMemory create(int maxPerGroup) {
        if (maxPerGroup < 1) {
            throw new IllegalArgumentException("maxPerGroup: " + maxPerGroup + " (expected: >= 1)");
        }
        return new ShingleExampleMemory(maxPerGroup);
    }

    @Override
    public void remember(String groupKey, String text, Label label) {
        String key = key(text);
        if (key.isEmpty()) {
            return;
        }
        Remembered entry = new Remembered(label, shingles(key));
        Group group = groups.computeIfAbsent(groupKey, any -> new Group(maxPerGroup));
        synchronized (group) {
            group.entries.remove(key); // re-inserting moves the correction to the recent end
            group.entries.put(key, entry);
        }
    }

    @Override
    public Optional<Label> recall(String groupKey, String text) {
        Group group = groups.get(groupKey);
        if (group == null) {
            return Optional.empty();
        }
        String key = key(text);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        int[] shingles = shingles(key);
        synchronized (group) {
            Remembered exact = group.entries.get(key);
            if (exact != null) {
                return Optional.of(exact.label());
            }
            Label best = null;
            double bestSimilarity = NEAR_DUPLICATE_SIMILARITY;
            // Later entries are more recent: on equal similarity the latest correction wins.
            for (Iterator<Remembered> it = group.entries.values().iterator(); it.hasNext(); ) {
                Remembered candidate = it.next();
                int smaller = Math.min(candidate.shingles().length, shingles.length);
                int larger = Math.max(candidate.shingles().length, shingles.length);
                if (smaller < NEAR_DUPLICATE_SIMILARITY * larger) {
                    continue;
                }
                double similarity = jaccard(shingles, candidate.shingles());
                if (similarity >= bestSimilarity) {
                    bestSimilarity = similarity;
                    best = candidate.label();
                }
            }
            return Optional.ofNullable(best);
        }
    }

    @Override
    public int size(String groupKey) {
        Group group = groups.get(groupKey);
        if (group == null) {
            return 0;
        }
        synchronized (group) {
            return group.entries.size();
        }
    }

    private String key(String text) {
        return normalizer.normalize(text).replace(" ", "");
    }

    /** Sorted distinct hashes of the character pairs of the text, every digit read as 0. */
    static int[] shingles(String key) {
        int[] points = key.codePoints().map(cp -> cp >= '0' && cp <= '9' ? '0' : cp).toArray();
        if (points.length == 1) {
            return new int[] {points[0]};
        }
        int[] hashes = new int[points.length - 1];
        for (int i = 0; i + 1 < points.length; i++) {
            hashes[i] = points[i] * 0x01000193 ^ points[i + 1] * 0x9E3779B1;
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 1.0 : (double) common / union;
    }
}
