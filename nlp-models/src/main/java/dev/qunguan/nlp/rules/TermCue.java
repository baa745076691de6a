package dev.qunguan.nlp.rules;

import java.util.List;
import java.util.Objects;

/** One named signal given as plain terms; all term cues are matched together in one pass by a {@link Lexicon}. */
record TermCue(String signal, Kind kind, double weight, List<String> terms) {
    TermCue {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(kind, "kind");
        if (!(weight > 0.0)) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: > 0)");
        }
        terms = List.copyOf(terms);
        if (terms.isEmpty() || terms.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("terms of " + signal + ": " + terms + " (expected: non-empty terms)");
        }
    }

    /** Terms separated by {@code |}, the way the regex cues read. */
    static TermCue of(String signal, Kind kind, double weight, String terms) {
        return new TermCue(signal, kind, weight, List.of(terms.split("\\|")));
    }
}
