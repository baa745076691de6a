package dev.qunguan.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Exact or contained text: what admins expect from a plain FAQ list, and no more. */
final class KeywordFaqMatcherFactory implements FaqMatcherFactory {
    /** Shorter phrasings would be found inside almost any message. */
    private static final int MIN_CONTAINED_LENGTH = 2;
    private static final String TRAILING_MARKS = "？?!！。.~～";

    private KeywordFaqMatcherFactory() {}

    static KeywordFaqMatcherFactory create() {
        return new KeywordFaqMatcherFactory();
    }

    private record Phrasing(String normalised, String entryId) {}

    @Override
    public FaqMatcher build(List<FaqDocument> documents) {
        List<Phrasing> phrasings = new ArrayList<>();
        for (FaqDocument document : documents) {
            add(phrasings, document.question(), document.id());
            for (String phrasing : document.phrasings()) {
                add(phrasings, phrasing, document.id());
            }
        }
        List<Phrasing> all = List.copyOf(phrasings);
        return query -> match(normalise(query), all);
    }

    private static void add(List<Phrasing> phrasings, String text, String entryId) {
        String normalised = normalise(text);
        if (!normalised.isEmpty()) {
            phrasings.add(new Phrasing(normalised, entryId));
        }
    }

    private static FaqHit match(String asked, List<Phrasing> phrasings) {
        if (asked.isEmpty()) {
            return FaqHit.none(0);
        }
        Phrasing best = null;
        for (Phrasing phrasing : phrasings) {
            String candidate = phrasing.normalised();
            if (candidate.equals(asked)) {
                return FaqHit.of(phrasing.entryId(), 1.0);
            }
            if (candidate.length() >= MIN_CONTAINED_LENGTH && asked.contains(candidate)
                    && (best == null || candidate.length() > best.normalised().length())) {
                best = phrasing;
            }
        }
        if (best == null) {
            return FaqHit.none(0);
        }
        return FaqHit.of(best.entryId(), (double) best.normalised().length() / asked.length());
    }

    /** Trimmed, lower-case, without the question or exclamation marks people add at the end. */
    static String normalise(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && TRAILING_MARKS.indexOf(lower.charAt(end - 1)) >= 0) {
            end--;
        }
        return lower.substring(0, end).strip();
    }
}
