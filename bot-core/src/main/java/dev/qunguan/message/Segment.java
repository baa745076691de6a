package dev.qunguan.message;

import java.util.Objects;

/** One piece of a message. Platforms map their own rich formats onto these and back. */
public sealed interface Segment {

    /** Visible text. */
    record Text(String text) implements Segment {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An @-mention of one member; {@code bot} marks a mention of the bot's own account. */
    record Mention(String userId, String displayName, boolean bot) implements Segment {
        public Mention {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /** An @-mention of everyone in the group. */
    record MentionAll() implements Segment {}

    /** A quote of an earlier message, by that message's platform id. */
    record Quote(String messageId) implements Segment {
        public Quote {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** An image or other attachment the bot does not read; {@code ref} is the platform's handle. */
    record Image(String ref) implements Segment {
        public Image {
            Objects.requireNonNull(ref, "ref");
        }
    }
}
