package dev.qunguan.faq;

import java.util.Objects;
import java.util.Optional;

/**
 * A matcher's answer to one query: the entry it picked, or none when it abstains, and its score (in
 * [0, 1] for calibrated matchers; also reported when abstaining, for logs and tuning).
 */
public record FaqHit(Optional<String> entryId, double score) {
    public FaqHit {
        Objects.requireNonNull(entryId, "entryId");
    }

    public static FaqHit of(String entryId, double score) {
        return new FaqHit(Optional.of(entryId), score);
    }

    public static FaqHit none(double score) {
        return new FaqHit(Optional.empty(), score);
    }

    public boolean found() {
        return entryId.isPresent();
    }
}
