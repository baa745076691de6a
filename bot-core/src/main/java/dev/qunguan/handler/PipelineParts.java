package dev.qunguan.handler;

import dev.qunguan.classify.Classifier;
import dev.qunguan.script.ScriptEditing;
import dev.qunguan.store.Stores;
import java.util.Objects;

/** What the standard handlers are built from: the storage ports, the classifier and script editing. */
public record PipelineParts(Stores stores, Classifier classifier, ScriptEditing scripts) {
    public PipelineParts {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(scripts, "scripts");
    }
}
