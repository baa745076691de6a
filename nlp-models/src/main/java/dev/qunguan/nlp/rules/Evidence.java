package dev.qunguan.nlp.rules;

import java.util.ArrayList;
import java.util.List;

/** What the cues found in one text: weights per label, the facts the scorer gates on, signal names. Not shared. */
final class Evidence {

    double adWeight;
    double abuseWeight;
    double questionWeight;
    boolean contactId;
    boolean anchor;
    int lureTerms;
    boolean strongInsult;
    int mildInsultTerms;
    boolean groupAttack;
    boolean targeted;
    private final List<String> signals = new ArrayList<>(4);

    void addSignal(String signal) {
        if (!signals.contains(signal)) {
            signals.add(signal);
        }
    }

    List<String> signals() {
        return signals;
    }
}
