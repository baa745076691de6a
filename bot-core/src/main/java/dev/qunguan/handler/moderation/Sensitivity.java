package dev.qunguan.handler.moderation;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How sure the classifier must be before moderation acts: the one place these thresholds live. */
public enum Sensitivity {
    STRICT(0.6),
    NORMAL(0.8),
    LENIENT(0.9);

    private static final Logger log = LoggerFactory.getLogger(Sensitivity.class);

    private final double threshold;

    Sensitivity(double threshold) {
        this.threshold = threshold;
    }

    /** The lowest classifier confidence that is acted on. */
    public double threshold() {
        return threshold;
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
