package dev.qunguan.classify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.qunguan.event.ChatRef;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per chat, the latest examples by normalised text (oldest dropped beyond a bound); recall is an exact
 * lookup, then a scan for the most similar near duplicate. A scan of a few thousand short texts is cheap
 * next to a database write, which every message already costs.
 */
final class NearDuplicateExampleMemory implements ExampleMemory {
    static final int EXAMPLES_PER_CHAT = 2_000;
    static final int CHATS = 10_000;
    static final double NEAR_DUPLICATE = 0.8;

    private record Example(Set<String> bigrams, Label label) {}

    // cache upkeep runs on the caller: waking the common pool for it cost more than the upkeep
    private final Cache<ChatRef, Map<String, Example>> chats =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(CHATS).build();

    private NearDuplicateExampleMemory() {}

    static NearDuplicateExampleMemory create() {
        return new NearDuplicateExampleMemory();
    }

    @Override
    public void remember(ChatRef chat, String text, Label label) {
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            return;
        }
        Map<String, Example> examples = chats.get(chat, c -> new LinkedHashMap<>());
        synchronized (examples) {
            // re-inserted last, so it counts as the newest
            examples.remove(normalised);
            examples.put(normalised, new Example(bigrams(normalised), label));
            Iterator<String> oldest = examples.keySet().iterator();
            while (examples.size() > EXAMPLES_PER_CHAT && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    @Override
    public Optional<Label> recall(ChatRef chat, String text) {
        Map<String, Example> examples = chats.getIfPresent(chat);
        String normalised = normalise(text);
        if (examples == null || normalised.isEmpty()) {
            return Optional.empty();
        }
        Set<String> asked = bigrams(normalised);
        synchronized (examples) {
            Example exact = examples.get(normalised);
            if (exact != null) {
                return Optional.of(exact.label());
            }
            Label best = null;
            double bestSimilarity = 0;
            for (Example example : examples.values()) {
                double similarity = jaccard(asked, example.bigrams());
                // >= so that among equally similar examples the newest wins
                if (similarity >= NEAR_DUPLICATE && similarity >= bestSimilarity) {
                    best = example.label();
                    bestSimilarity = similarity;
                }
            }
            return Optional.ofNullable(best);
        }
    }

    /** Lower case, full width folded (NFKC), only letters and digits kept. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    static Set<String> bigrams(String normalised) {
        Set<String> bigrams = new HashSet<>();
        int[] points = normalised.codePoints().toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            bigrams.add(new String(points, i, 2));
        }
        return bigrams;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String bigram : a.size() <= b.size() ? a : b) {
            if ((a.size() <= b.size() ? b : a).contains(bigram)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }
}
