package dev.qunguan.classify;

import org.jspecify.annotations.Nullable;

/**
 * The lowest calibrated score at which an ad and an abusive message are acted on. The two differ because
 * their mistakes differ: the model almost never takes innocent chat for an ad, while comments on
 * sensitive topics (gender, region, race) often look like attacks on a group, so abuse needs more evidence.
 *
 * @param ad    the lowest ad probability acted on, in (0, 1]
 * @param abuse the lowest abuse probability acted on, in (0, 1]
 */
public record ActionThresholds(double ad, double abuse) {

    public ActionThresholds {
        if (!(ad > 0.0 && ad <= 1.0) || !(abuse > 0.0 && abuse <= 1.0)) {
            throw new IllegalArgumentException("thresholds: ad " + ad + ", abuse " + abuse + " (expected: 0 < t <= 1)");
        }
    }

    /** The same threshold for both kinds of violation. */
    public static ActionThresholds uniform(double threshold) {
        return new ActionThresholds(threshold, threshold);
    }

    /** The threshold for one violation label (ad or abuse). */
    public double of(Label violation) {
        return switch (violation) {
            case AD -> ad;
            case ABUSE -> abuse;
            case QUESTION, NORMAL -> throw new IllegalArgumentException("not a violation: " + violation);
        };
    }

    /** Each threshold the lower of the two: acts whenever either would. */
    public ActionThresholds orStricter(ActionThresholds other) {
        return new ActionThresholds(Math.min(ad, other.ad), Math.min(abuse, other.abuse));
    }

    /**
     * The violation these scores call for, or null when neither clears its threshold; when both do, the
     * likelier one.
     */
    public @Nullable Label violation(double adScore, double abuseScore) {
        boolean isAd = adScore >= ad;
        boolean isAbuse = abuseScore >= abuse;
        if (isAd && isAbuse) {
            return adScore >= abuseScore ? Label.AD : Label.ABUSE;
        }
        return isAd ? Label.AD : isAbuse ? Label.ABUSE : null;
    }

    @Override
    public String toString() {
        return "ad " + ad + " abuse " + abuse;
    }
}
