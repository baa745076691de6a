package dev.qunguan.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An immutable sequence of segments. */
public record Message(List<Segment> segments) {
    public Message {
        segments = List.copyOf(segments);
    }

    public static Message of(Segment... segments) {
        return new Message(List.of(segments));
    }

    public static Message text(String text) {
        return new Message(List.of(new Segment.Text(text)));
    }

    /** The text members read, mentions left out, trimmed. */
    public String plainText() {
        // most messages are one text segment; every handler asks, so skip the copy then
        if (segments.size() == 1 && segments.getFirst() instanceof Segment.Text(String only)) {
            return only.strip();
        }
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Segment.Text(String t)) {
                text.append(t);
            }
        }
        return text.toString().strip();
    }

    /** True when the bot's own account is @-mentioned. */
    public boolean mentionsBot() {
        for (Segment segment : segments) {
            if (segment instanceof Segment.Mention m && m.bot()) {
                return true;
            }
        }
        return false;
    }

    /** Members other than the bot that this message @-mentions, in order. */
    public List<Segment.Mention> mentionedMembers() {
        List<Segment.Mention> mentions = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment instanceof Segment.Mention m && !m.bot()) {
                mentions.add(m);
            }
        }
        return List.copyOf(mentions);
    }

    /** The id of the message this one quotes (replies to), if any. */
    public Optional<String> quotedMessageId() {
        for (Segment segment : segments) {
            if (segment instanceof Segment.Quote(String id)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    public Message append(Segment segment) {
        List<Segment> more = new ArrayList<>(segments);
        more.add(segment);
        return new Message(more);
    }

    public Message prepend(Segment segment) {
        List<Segment> more = new ArrayList<>(segments.size() + 1);
        more.add(segment);
        more.addAll(segments);
        return new Message(more);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }
}
