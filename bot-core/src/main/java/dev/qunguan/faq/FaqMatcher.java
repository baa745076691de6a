package dev.qunguan.faq;

/** Matches questions against one fixed set of FAQ documents. Immutable once built, thread-safe. */
@FunctionalInterface
public interface FaqMatcher {
    /** The entry the query asks for, or no entry when none fits well enough. */
    FaqHit match(String query);
}
