package dev.qunguan.handler.moderation;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How sure the classifier must be before moderation acts: the one place these thresholds live. A group's
 * setting is adjusted by the member's standing: newcomers get at most the strict threshold, established
 * members one step more lenient than the group's setting.
 */
public enum Sensitivity {
    // Calibrated probabilities of the shipped model; see nlp-models/MODEL_CARD.md for the false-flag
    // rate each one gives on the dev set (normal ≈ 0.9 %, strict ≈ 1.8 %).
    STRICT(0.70),
    NORMAL(0.90),
    LENIENT(0.97);

    private static final Logger log = LoggerFactory.getLogger(Sensitivity.class);
    /** For established members of a lenient group: one step beyond lenient. */
    static final double ESTABLISHED_IN_LENIENT_GROUP = 0.985;

    private final double threshold;

    Sensitivity(double threshold) {
        this.threshold = threshold;
    }

    /** The lowest classifier confidence that is acted on. */
    public double threshold() {
        return threshold;
    }

    /** The lowest confidence acted on for a member of this standing in a group with this sensitivity. */
    public double threshold(MemberStanding standing) {
        return switch (standing) {
            case NEWCOMER -> Math.min(threshold, STRICT.threshold);
            case REGULAR -> threshold;
            case ESTABLISHED -> switch (this) {
                case STRICT -> NORMAL.threshold;
                case NORMAL -> LENIENT.threshold;
                case LENIENT -> ESTABLISHED_IN_LENIENT_GROUP;
            };
        };
    }

    /** Reads the script's setting ({@code strict}, {@code normal}, {@code lenient}); anything else is normal. */
    public static Sensitivity fromSetting(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "strict", "严格" -> STRICT;
            case "normal", "普通", "" -> NORMAL;
            case "lenient", "宽松" -> LENIENT;
            default -> {
                log.warn("unknown moderation sensitivity '{}', using normal", setting);
                yield NORMAL;
            }
        };
    }
}
