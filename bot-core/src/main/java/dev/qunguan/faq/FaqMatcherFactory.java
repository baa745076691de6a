package dev.qunguan.faq;

import java.util.List;

/**
 * Builds a matcher over a group's FAQ documents. The bot builds one per chat and rebuilds it only when
 * the chat's entries change, so building may index; matching must be fast.
 */
@FunctionalInterface
public interface FaqMatcherFactory {
    FaqMatcher build(List<FaqDocument> documents);

    /**
     * The in-core default: an exact match of a question or phrasing (case, surrounding space and trailing
     * question marks ignored) scores 1; otherwise the longest question or phrasing the query contains
     * scores by the share of the query it covers.
     */
    static FaqMatcherFactory keywords() {
        return KeywordFaqMatcherFactory.create();
    }
}
