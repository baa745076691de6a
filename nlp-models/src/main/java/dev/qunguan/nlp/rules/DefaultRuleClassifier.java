package dev.qunguan.nlp.rules;

import dev.qunguan.classify.Classification;
import dev.qunguan.nlp.text.TextNormalizer;
import java.util.Objects;
import java.util.regex.Matcher;

/** Runs every cue whose gate opens over the normalised text, collects evidence, and lets {@link VerdictScorer} decide. */
final class DefaultRuleClassifier implements RuleClassifier {

    static final String SECOND_PERSON = "second-person";

    /** More hits of one cue add less and less; beyond this many distinct hits they add nothing. */
    private static final int MAX_DISTINCT_HITS = 3;

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
        TextProfile profile = TextProfile.of(normalizedText);
        for (Cue cue : cueBook.patterns()) {
            if (cue.gate().test(profile)) {
                match(cue, normalizedText, evidence);
            }
        }
        cueBook.lexicon().scan(normalizedText, MAX_DISTINCT_HITS,
                (cue, distinct, targeted) -> record(cue.signal(), cue.kind(), cue.weight(), distinct, targeted, evidence));
        return VerdictScorer.score(evidence);
    }

    private static void match(Cue cue, String text, Evidence evidence) {
        if (cue.signal().equals(CueBook.LONG_DIGITS) && evidence.contactId) {
            return; // the digits are already counted as a phone or account id
        }
        Matcher matcher = cue.pattern().matcher(text);
        String first = null;
        String second = null;
        int distinct = 0;
        boolean targeted = false;
        while (distinct < MAX_DISTINCT_HITS && matcher.find()) {
            String hit = matcher.group();
            if (hit.equals(first) || hit.equals(second)) {
                continue;
            }
            if (first == null) {
                first = hit;
            } else {
                second = hit;
            }
            distinct++;
            targeted |= SecondPerson.precedes(text, matcher.start());
        }
        if (distinct > 0) {
            record(cue.signal(), cue.kind(), cue.weight(), distinct, targeted, evidence);
        }
    }

    private static void record(
            String signal, Kind kind, double cueWeight, int distinct, boolean targeted, Evidence evidence) {
        evidence.addSignal(signal);
        double weight = cueWeight * (1.0 + 0.5 * (distinct - 1));
        switch (kind) {
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
            case MILD_INSULT -> {
                evidence.mildInsultTerms += distinct;
                evidence.abuseWeight += weight;
                markTargeted(evidence, targeted);
            }
            case GROUP_ATTACK -> {
                evidence.groupAttack = true;
                evidence.abuseWeight += weight;
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

    @Override
    public String toString() {
        return "RuleClassifier(" + cueBook.patterns().size() + " patterns, "
                + cueBook.lexicon().cues().size() + " term lists, " + normalizer + ")";
    }
}
