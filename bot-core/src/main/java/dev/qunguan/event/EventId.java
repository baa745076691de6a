package dev.qunguan.event;

/**
 * Identifies one delivery of an event, scoped by platform and bot account; the same event delivered
 * twice carries the same id, which is how duplicates are recognised.
 */
public record EventId(String value) {
    public EventId {
        ChatRef.requireText(value, "value");
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
