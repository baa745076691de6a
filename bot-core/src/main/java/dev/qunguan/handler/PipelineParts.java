package dev.qunguan.handler;

import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.faq.FaqMatcherFactory;
import dev.qunguan.script.ScriptEditing;
import dev.qunguan.store.Stores;
import java.util.Objects;

/**
 * What the standard handlers are built from: the storage ports, the classifier, the memory of admins'
 * labelled examples (filled from the store when the pipeline is built), the FAQ matcher factory and
 * script editing.
 */
public record PipelineParts(Stores stores, Classifier classifier, ScriptEditing scripts, ExampleMemory examples,
        FaqMatcherFactory faqMatchers) {
    public PipelineParts {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(scripts, "scripts");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(faqMatchers, "faqMatchers");
    }

    /** With the in-core example memory and keyword FAQ matcher. */
    public PipelineParts(Stores stores, Classifier classifier, ScriptEditing scripts) {
        this(stores, classifier, scripts, ExampleMemory.nearDuplicates(), FaqMatcherFactory.keywords());
    }
}
