package dev.qunguan.nlp.model;

/**
 * How readily moderation acts: the calibrated ad or abuse probability a message must reach before it is
 * treated as a violation. Below the threshold a message counts as normal chat or a question. The values
 * were chosen on cross-validated dev-set predictions (see MODEL_CARD.md): {@link #NORMAL} keeps false
 * flags of ordinary chat and questions at or below about 1 %.
 */
public enum Sensitivity {
    /** Acts on weaker evidence: catches more, flags more innocent messages (about 2 %). */
    STRICT(0.70),
    /** The default. */
    NORMAL(0.90),
    /** Acts only when the model is nearly sure: for members with a long clean history. */
    LENIENT(0.97);

    private final double threshold;

    Sensitivity(double threshold) {
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }
}
