package dev.qunguan.handler;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    /** Messages still being handled at once across all chats; older ones need no memo. */
    private static final int MEMO_SIZE = 1_024;

    private final Classifier classifier;
    private final ExampleMemory examples;
    private final Cache<String, Classification> memo = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();

    private Verdicts(Classifier classifier, ExampleMemory examples) {
        this.classifier = classifier;
        this.examples = examples;
    }

    public static Verdicts of(Classifier classifier, ExampleMemory examples) {
        return new Verdicts(Objects.requireNonNull(classifier, "classifier"),
                Objects.requireNonNull(examples, "examples"));
    }

    public Classification of(MessageReceived message) {
        return memo.get(message.chat().key() + '\n' + message.ref().id(), key -> classify(message));
    }

    private Classification classify(MessageReceived message) {
        Optional<Label> remembered = examples.recall(message.chat(), message.text());
        if (remembered.isPresent()) {
            return Classification.certain(remembered.get(), List.of(ADMIN_EXAMPLE));
        }
        return classifier.classify(message.text());
    }
}
