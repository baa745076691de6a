package dev.qunguan.store;

import dev.qunguan.classify.Label;
import dev.qunguan.event.ChatRef;
import java.time.Instant;
import java.util.Objects;

/** A text an admin labelled in a chat ({@code /ad}, {@code /notad}), and who did so when. */
public record LabelledExample(long id, ChatRef chat, String text, Label label, String addedBy, Instant at) {
    public LabelledExample {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(at, "at");
    }
}
