package dev.qunguan.nlp.model;

import dev.qunguan.classify.Label;
import java.util.Objects;

/** A labelled line already turned into features, so folds and calibration extract them only once. */
record Example(String[] features, Label label) {
    Example {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(label, "label");
    }
}
