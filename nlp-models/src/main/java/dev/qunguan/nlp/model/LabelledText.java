package dev.qunguan.nlp.model;

import dev.qunguan.classify.Label;
import java.util.Objects;

/** One training or evaluation line: the text, its label, and where it came from (empty when unknown). */
public record LabelledText(String text, Label label, String source) {
    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
    }

    public static LabelledText of(String text, Label label) {
        return new LabelledText(text, label, "");
    }
}
