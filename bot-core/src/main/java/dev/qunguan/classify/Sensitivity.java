package dev.qunguan.classify;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How readily moderation acts: the calibrated ad and abuse probabilities a message must reach before it
 * is treated as a violation; below them a message counts as normal chat or a question. The one place these
 * thresholds live, shared by the bot and the model's own decision and evaluation. The values were chosen
 * on cross-validated dev-set predictions of the shipped model (see nlp-models/MODEL_CARD.md): normal
 * keeps false flags of ordinary chat and questions just under 1 %, strict at about 1.6 %, lenient at
 * about 0.6 %. Ads get the lower threshold because the model rarely takes innocent chat for one.
 */
public enum Sensitivity {
    /** Acts on weaker evidence: catches more, flags more innocent messages. */
    STRICT(new ActionThresholds(0.70, 0.85)),
    /** The default. */
    NORMAL(new ActionThresholds(0.87, 0.92)),
    /** Acts only when the model is nearly sure. */
    LENIENT(new ActionThresholds(0.92, 0.985));

    private static final Logger log = LoggerFactory.getLogger(Sensitivity.class);

    private final ActionThresholds thresholds;

    Sensitivity(ActionThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The lowest calibrated ad and abuse scores that are acted on. */
    public ActionThresholds thresholds() {
        return thresholds;
    }

    /** Reads a script's setting ({@code strict}, {@code normal}, {@code lenient}); anything else is normal. */
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
