package dev.qunguan.nlp.rules;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One named signal: a precompiled pattern over normalised text, what it is evidence of, and how much.
 * The gate is a cheap necessary condition for the pattern to match (e.g. "has five digits in a row"):
 * when it is false the pattern cannot match and is not run.
 */
record Cue(String signal, Kind kind, double weight, Pattern pattern, Predicate<TextProfile> gate) {
    Cue {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(gate, "gate");
        if (!(weight > 0.0)) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: > 0)");
        }
    }

    static Cue of(String signal, Kind kind, double weight, Predicate<TextProfile> gate, String regex) {
        return new Cue(signal, kind, weight, Pattern.compile(regex), gate);
    }
}
