package dev.qunguan.handler;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.classify.Label;
import dev.qunguan.event.MessageReceived;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What kind of message a member sent, asked once per message by whichever handler needs it first
 * (moderation, then the FAQ) and remembered for the others. Admins' labelled examples for the chat come
 * before the classifier: a remembered label is certain.
 */
public final class Verdicts {
    /** The signal naming a verdict taken from admins' examples rather than the classifier. */
    public static final String ADMIN_EXAMPLE = "admin-example";

    private final Classifier classifier;
    private final ExampleMemory examples;
    // A message's handlers run one after another on one thread, so the last verdict of each thread is the
    // only one ever asked for again; a shared cache cost an insert and an eviction per message.
    private final ThreadLocal<Remembered> last = new ThreadLocal<>();

    private record Remembered(MessageReceived message, Classification verdict) {}

    private Verdicts(Classifier classifier, ExampleMemory examples) {
        this.classifier = classifier;
        this.examples = examples;
    }

    public static Verdicts of(Classifier classifier, ExampleMemory examples) {
        return new Verdicts(Objects.requireNonNull(classifier, "classifier"),
                Objects.requireNonNull(examples, "examples"));
    }

    public Classification of(MessageReceived message) {
        Remembered remembered = last.get();
        if (remembered != null && (remembered.message() == message || remembered.message().equals(message))) {
            return remembered.verdict();
        }
        Classification verdict = classify(message);
        last.set(new Remembered(message, verdict));
        return verdict;
    }

    private Classification classify(MessageReceived message) {
        Optional<Label> remembered = examples.recall(message.chat(), message.text());
        if (remembered.isPresent()) {
            return Classification.certain(remembered.get(), List.of(ADMIN_EXAMPLE));
        }
        return classifier.classify(message.text());
    }
}
