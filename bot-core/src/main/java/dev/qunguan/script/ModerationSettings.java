package dev.qunguan.script;

import java.time.Duration;
import java.util.Objects;

/**
 * The warning ladder: a violation is deleted and warned; at {@code muteAtWarnings} active warnings the
 * member is muted for {@code muteDuration}; at {@code removeAtWarnings} they are removed. Warnings older
 * than {@code warningExpiry} no longer count. Flood control mutes a member for {@code floodMute} who sends
 * more than {@code floodMessages} messages within {@code floodWindow}.
 *
 * @param sensitivity   strict, normal or lenient: how sure the classifier must be before acting
 * @param floodMessages the most messages a member may send within {@code floodWindow}; 0 turns flood control off
 * @param floodWindow   the sliding window flood control counts in
 * @param floodMute     how long a flooding member is muted
 */
public record ModerationSettings(
        boolean enabled,
        String sensitivity,
        int muteAtWarnings,
        Duration muteDuration,
        int removeAtWarnings,
        Duration warningExpiry,
        int floodMessages,
        Duration floodWindow,
        Duration floodMute) {
    /** Flood control's defaults: more than 8 messages in 10 seconds mutes for 5 minutes. */
    public static final int DEFAULT_FLOOD_MESSAGES = 8;
    public static final Duration DEFAULT_FLOOD_WINDOW = Duration.ofSeconds(10);
    public static final Duration DEFAULT_FLOOD_MUTE = Duration.ofMinutes(5);

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
        Objects.requireNonNull(floodWindow, "floodWindow");
        Objects.requireNonNull(floodMute, "floodMute");
        if (floodMessages < 0) {
            throw new IllegalArgumentException("floodMessages: " + floodMessages + " (expected: >= 0)");
        }
        if (!floodWindow.isPositive() || !floodMute.isPositive()) {
            throw new IllegalArgumentException("floodWindow and floodMute must be > 0");
        }
    }

    /** The ladder with flood control at its defaults. */
    public ModerationSettings(boolean enabled, String sensitivity, int muteAtWarnings, Duration muteDuration,
            int removeAtWarnings, Duration warningExpiry) {
        this(enabled, sensitivity, muteAtWarnings, muteDuration, removeAtWarnings, warningExpiry,
                DEFAULT_FLOOD_MESSAGES, DEFAULT_FLOOD_WINDOW, DEFAULT_FLOOD_MUTE);
    }

    /** Whether flood control counts members' messages at all. */
    public boolean floodControl() {
        return enabled && floodMessages > 0;
    }
}
