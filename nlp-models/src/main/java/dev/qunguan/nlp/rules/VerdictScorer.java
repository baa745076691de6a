package dev.qunguan.nlp.rules;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns evidence into a verdict. Each label's weight becomes a probability (1 − e^−weight). The four
 * scores are then shared out in order of precedence so they sum to one: corroborated violations first
 * (the stronger one leading), so a confident ad is never diluted by a question mark; then question;
 * then uncorroborated violations, capped so they can never outscore what is left for normal.
 */
final class VerdictScorer {

    /** An uncorroborated cue's ceiling: even two of them leave normal the largest share. */
    static final double UNCORROBORATED_CAP = 0.3;
    private static final double MIN_WEIGHT_WITHOUT_ANCHOR = 0.9;
    private static final int MIN_LURES = 2;
    private static final int MIN_LURES_IN_QUESTION = 3;
    private static final double TARGETED_INSULT_BONUS = 1.0;
    private static final double TARGETED_MILD_INSULT_BONUS = 0.5;

    private VerdictScorer() {}

    private record Claim(Label label, double probability, boolean corroborated) {}

    static Classification score(Evidence evidence) {
        Claim ad = adClaim(evidence);
        Claim abuse = abuseClaim(evidence);
        Claim stronger = ad.probability() >= abuse.probability() ? ad : abuse;
        Claim weaker = stronger == ad ? abuse : ad;

        Map<Label, Double> scores = new EnumMap<>(Label.class);
        double remaining = 1.0;
        for (Claim claim : new Claim[] {stronger, weaker}) {
            if (claim.corroborated()) {
                remaining = share(scores, claim.label(), claim.probability(), remaining);
            }
        }
        remaining = share(scores, Label.QUESTION, probability(evidence.questionWeight), remaining);
        for (Claim claim : new Claim[] {stronger, weaker}) {
            if (!claim.corroborated()) {
                remaining = share(scores, claim.label(), Math.min(claim.probability(), UNCORROBORATED_CAP), remaining);
            }
        }
        scores.put(Label.NORMAL, remaining);

        Label best = Label.NORMAL;
        for (Label label : Label.values()) {
            if (scores.get(label) > scores.get(best)) {
                best = label;
            }
        }
        return new Classification(best, scores.get(best), scores, evidence.signals());
    }

    private static Claim adClaim(Evidence evidence) {
        boolean anchored = (evidence.contactId || evidence.anchor) && evidence.lureTerms >= 1;
        // A question that names a lure ("福利彩票怎么玩") is asking, not advertising, unless lures pile up.
        int luresNeeded = evidence.questionWeight > 0 ? MIN_LURES_IN_QUESTION : MIN_LURES;
        boolean manyLures = evidence.lureTerms >= luresNeeded && evidence.adWeight >= MIN_WEIGHT_WITHOUT_ANCHOR;
        return new Claim(Label.AD, probability(evidence.adWeight), anchored || manyLures);
    }

    private static Claim abuseClaim(Evidence evidence) {
        double weight = evidence.abuseWeight;
        if (evidence.targeted) {
            weight += evidence.strongInsult ? TARGETED_INSULT_BONUS : TARGETED_MILD_INSULT_BONUS;
        }
        boolean corroborated = evidence.strongInsult
                || evidence.groupAttack
                || evidence.mildInsultTerms >= 2
                || (evidence.mildInsultTerms >= 1 && evidence.targeted);
        return new Claim(Label.ABUSE, probability(weight), corroborated);
    }

    private static double share(Map<Label, Double> scores, Label label, double probability, double remaining) {
        double taken = remaining * probability;
        scores.put(label, taken);
        return remaining - taken;
    }

    private static double probability(double weight) {
        return 1.0 - Math.exp(-weight);
    }
}
