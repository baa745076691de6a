package dev.qunguan.nlp.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/** One named signal: a precompiled pattern over normalised text, what it is evidence of, and how much. */
record Cue(String signal, Kind kind, double weight, Pattern pattern) {
    Cue {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        if (!(weight > 0.0)) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: > 0)");
        }
    }

    static Cue of(String signal, Kind kind, double weight, String regex) {
        return new Cue(signal, kind, weight, Pattern.compile(regex));
    }
}
