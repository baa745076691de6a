package dev.qunguan.adapters.onebot;

import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns a OneBot {@code message} field, a CQ-code string or a segment array, into a core {@link Message}.
 * Text, mentions, quotes and images are kept; faces, voice, files and the like are left out.
 */
final class IncomingMessage {
    private IncomingMessage() {}

    /** @throws MalformedPayload when {@code message} is neither a string nor an array of segment objects */
    static Message read(OneBotReport.Content message, long selfId) {
        return switch (message) {
            case OneBotReport.Content.CqCode cqCode -> fromCqCode(cqCode.text(), selfId);
            case OneBotReport.Content.Segments segments -> fromSegments(segments.segments(), selfId);
            case OneBotReport.Content.Unusable unusable -> throw MalformedPayload.wrongType("message", "string or array");
        };
    }

    static Message fromCqCode(String message, long selfId) {
        return fromSegments(CqCodeParser.parse(message), selfId);
    }

    private static Message fromSegments(List<? extends @Nullable WireSegment> wire, long selfId) {
        List<Segment> segments = new ArrayList<>(wire.size());
        for (WireSegment segment : wire) {
            if (segment == null) {
                throw MalformedPayload.wrongType("message[]", "segment object with a string type");
            }
            add(segments, segment.type(), segment.data()::get, selfId);
        }
        return new Message(segments);
    }

    private static void add(List<Segment> out, String type, Function<String, @Nullable String> data, long selfId) {
        Segment segment = switch (type) {
            case "text" -> text(data.apply("text"));
            case "at" -> mention(data.apply("qq"), data.apply("name"), selfId);
            case "reply" -> quote(data.apply("id"));
            case "image" -> image(data.apply("url"), data.apply("file"));
            default -> null; // face, record, video, forward, json...: nothing the bot reads
        };
        if (segment != null) {
            out.add(segment);
        }
    }

    private static @Nullable Segment text(@Nullable String text) {
        return text == null || text.isEmpty() ? null : new Segment.Text(text);
    }

    private static @Nullable Segment mention(@Nullable String qq, @Nullable String name, long selfId) {
        if (qq == null || qq.isBlank()) {
            return null;
        }
        String userId = qq.strip();
        if (userId.equals("all")) {
            return new Segment.MentionAll();
        }
        String displayName = name == null || name.isBlank() ? userId : name;
        return new Segment.Mention(userId, displayName, isSelf(userId, selfId));
    }

    private static boolean isSelf(String userId, long selfId) {
        try {
            return Long.parseLong(userId) == selfId;
        } catch (NumberFormatException notNumeric) {
            return false;
        }
    }

    private static @Nullable Segment quote(@Nullable String id) {
        return id == null || id.isBlank() ? null : new Segment.Quote(id.strip());
    }

    // The URL is what other implementations and classifiers can fetch; file names are implementation-local.
    private static @Nullable Segment image(@Nullable String url, @Nullable String file) {
        if (url != null && !url.isBlank()) {
            return new Segment.Image(url);
        }
        return file == null || file.isBlank() ? null : new Segment.Image(file);
    }
}
