package dev.qunguan.event;

/** The platform's id of one message, needed to quote, delete or recall it. */
public record MessageRef(String id) {
    public MessageRef {
        ChatRef.requireText(id, "id");
    }

    public static MessageRef of(String id) {
        return new MessageRef(id);
    }
}
