package dev.qunguan.handler.moderation;

import dev.qunguan.classify.ActionThresholds;
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
    static final ActionThresholds ESTABLISHED_IN_LENIENT_GROUP = new ActionThresholds(0.95, 0.99);

    /**
     * The lowest violation scores acted on for a member of this standing in a group with the given
     * sensitivity: newcomers get at most the strict thresholds, established members one step more lenient.
     */
    public ActionThresholds thresholds(Sensitivity group) {
        return switch (this) {
            case NEWCOMER -> group.thresholds().orStricter(Sensitivity.STRICT.thresholds());
            case REGULAR -> group.thresholds();
            case ESTABLISHED -> switch (group) {
                case STRICT -> Sensitivity.NORMAL.thresholds();
                case NORMAL -> Sensitivity.LENIENT.thresholds();
                case LENIENT -> ESTABLISHED_IN_LENIENT_GROUP;
            };
        };
    }
}
