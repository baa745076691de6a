package dev.qunguan.handler.moderation;

import dev.qunguan.classify.Sensitivity;
import dev.qunguan.store.MemberHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a member has earned the benefit of the doubt. Most spam comes in a newcomer's first messages,
 * while a long clean record makes an innocent message far likelier than an ad: the one place these
 * limits live.
 */
public enum MemberStanding {
    /** First seen less than {@link #NEWCOMER_AGE} ago, or fewer than {@link #NEWCOMER_CLEAN_MESSAGES} clean messages. */
    NEWCOMER,
    REGULAR,
    /** At least {@link #ESTABLISHED_CLEAN_MESSAGES} clean messages over at least {@link #ESTABLISHED_AGE}. */
    ESTABLISHED;

    public static final Duration NEWCOMER_AGE = Duration.ofHours(24);
    public static final int NEWCOMER_CLEAN_MESSAGES = 5;
    public static final Duration ESTABLISHED_AGE = Duration.ofDays(7);
    public static final int ESTABLISHED_CLEAN_MESSAGES = 50;

    /** The standing of a member with this history (none: never seen) at {@code now}. */
    public static MemberStanding of(Optional<MemberHistory> history, Instant now) {
        if (history.isEmpty()) {
            return NEWCOMER;
        }
        Duration known = Duration.between(history.get().firstSeen(), now);
        int clean = history.get().cleanMessages();
        if (known.compareTo(NEWCOMER_AGE) < 0 || clean < NEWCOMER_CLEAN_MESSAGES) {
            return NEWCOMER;
        }
        if (known.compareTo(ESTABLISHED_AGE) >= 0 && clean >= ESTABLISHED_CLEAN_MESSAGES) {
            return ESTABLISHED;
        }
        return REGULAR;
    }

    /** For established members of a lenient group: one step beyond lenient. */
    static final double ESTABLISHED_IN_LENIENT_GROUP = 0.985;

    /**
     * The lowest violation score acted on for a member of this standing in a group with the given
     * sensitivity: newcomers get at most the strict threshold, established members one step more lenient.
     */
    public double threshold(Sensitivity group) {
        return switch (this) {
            case NEWCOMER -> Math.min(group.threshold(), Sensitivity.STRICT.threshold());
            case REGULAR -> group.threshold();
            case ESTABLISHED -> switch (group) {
                case STRICT -> Sensitivity.NORMAL.threshold();
                case NORMAL -> Sensitivity.LENIENT.threshold();
                case LENIENT -> ESTABLISHED_IN_LENIENT_GROUP;
            };
        };
    }
}
