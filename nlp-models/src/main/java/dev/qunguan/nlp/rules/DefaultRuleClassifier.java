package dev.qunguan.nlp.rules;

import dev.qunguan.classify.Classification;
import dev.qunguan.nlp.text.TextNormalizer;
import java.util.Objects;
import java.util.regex.Matcher;

/** Runs every cue over the normalised text, collects evidence, and lets {@link VerdictScorer} decide. */
final class DefaultRuleClassifier implements RuleClassifier {

    static final String SECOND_PERSON = "second-person";

    /** More hits of one cue add less and less; beyond this many distinct hits they add nothing. */
    private static final int MAX_DISTINCT_HITS = 3;
    /** How far before an insult a 你 still makes it a personal attack. */
    private static final int TARGET_WINDOW = 8;

    private final TextNormalizer normalizer;
    private final CueBook cueBook;

    private DefaultRuleClassifier(TextNormalizer normalizer, CueBook cueBook) {
        this.normalizer = normalizer;
        this.cueBook = cueBook;
    }

    static DefaultRuleClassifier of(TextNormalizer normalizer, CueBook cueBook) {
        return new DefaultRuleClassifier(
                Objects.requireNonNull(normalizer, "normalizer"), Objects.requireNonNull(cueBook, "cueBook"));
    }

    @Override
    public Classification classify(String text) {
        return classifyNormalized(normalizer.normalize(text));
    }

    @Override
    public Classification classifyNormalized(String normalizedText) {
        Evidence evidence = new Evidence();
        for (Cue cue : cueBook.cues()) {
            collect(cue, normalizedText, evidence);
        }
        return VerdictScorer.score(evidence);
    }

    private static void collect(Cue cue, String text, Evidence evidence) {
        if (cue.kind() == Kind.ANCHOR && cue.signal().equals(CueBook.LONG_DIGITS) && evidence.contactId) {
            return; // the digits are already counted as a phone or account id
        }
        Matcher matcher = cue.pattern().matcher(text);
        String first = null;
        String second = null;
        int distinct = 0;
        boolean targeted = false;
        boolean insults = cue.kind() == Kind.INSULT || cue.kind() == Kind.MILD_INSULT;
        while (distinct < MAX_DISTINCT_HITS && matcher.find()) {
            String hit = matcher.group();
            if (hit.equals(first) || hit.equals(second)) {
                continue;
            }
            if (first == null) {
                first = hit;
            } else if (second == null) {
                second = hit;
            }
            distinct++;
            targeted |= insults && isTargeted(text, matcher.start());
        }
        if (distinct == 0) {
            return;
        }
        evidence.addSignal(cue.signal());
        double weight = cue.weight() * (1.0 + 0.5 * (distinct - 1));
        switch (cue.kind()) {
            case CONTACT_ID -> {
                evidence.contactId = true;
                evidence.adWeight += weight;
            }
            case ANCHOR -> {
                evidence.anchor = true;
                evidence.adWeight += weight;
            }
            case CONTACT_WORD -> evidence.adWeight += weight;
            case SOLICITATION, LURE -> {
                evidence.lureTerms += distinct;
                evidence.adWeight += weight;
            }
            case INSULT -> {
                evidence.strongInsult = true;
                evidence.abuseWeight += weight;
                markTargeted(evidence, targeted);
            }
            case GROUP_ATTACK -> {
                evidence.groupAttack = true;
                evidence.abuseWeight += weight;
            }
            case MILD_INSULT -> {
                evidence.mildInsultTerms += distinct;
                evidence.abuseWeight += weight;
                markTargeted(evidence, targeted);
            }
            case QUESTION -> evidence.questionWeight += weight;
        }
    }

    private static void markTargeted(Evidence evidence, boolean targeted) {
        if (targeted) {
            evidence.targeted = true;
            evidence.addSignal(SECOND_PERSON);
        }
    }

    private static boolean isTargeted(String text, int insultStart) {
        int you = text.lastIndexOf('你', insultStart - 1);
        return you >= 0 && insultStart - you <= TARGET_WINDOW;
    }

    @Override
    public String toString() {
        return "RuleClassifier(" + cueBook.cues().size() + " cues, " + normalizer + ")";
    }
}
