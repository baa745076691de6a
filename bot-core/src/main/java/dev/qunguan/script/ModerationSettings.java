package dev.qunguan.script;

import java.time.Duration;
import java.util.Objects;

/**
 * The warning ladder: a violation is deleted and warned; at {@code muteAtWarnings} active warnings the
 * member is muted for {@code muteDuration}; at {@code removeAtWarnings} they are removed. Warnings older
 * than {@code warningExpiry} no longer count.
 *
 * @param sensitivity strict, normal or lenient: how sure the classifier must be before acting
 */
public record ModerationSettings(
        boolean enabled,
        String sensitivity,
        int muteAtWarnings,
        Duration muteDuration,
        int removeAtWarnings,
        Duration warningExpiry) {
    public ModerationSettings {
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(muteDuration, "muteDuration");
        Objects.requireNonNull(warningExpiry, "warningExpiry");
        if (muteAtWarnings < 1) {
            throw new IllegalArgumentException("muteAtWarnings: " + muteAtWarnings + " (expected: >= 1)");
        }
        if (removeAtWarnings <= muteAtWarnings) {
            throw new IllegalArgumentException("removeAtWarnings: " + removeAtWarnings
                    + " (expected: > muteAtWarnings " + muteAtWarnings + ")");
        }
        if (!muteDuration.isPositive() || !warningExpiry.isPositive()) {
            throw new IllegalArgumentException("muteDuration and warningExpiry must be > 0");
        }
    }
}
