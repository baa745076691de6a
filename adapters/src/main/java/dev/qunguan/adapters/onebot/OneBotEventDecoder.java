package dev.qunguan.adapters.onebot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookResponse;
import dev.qunguan.event.BotAddedToChat;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.Event;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MemberJoined;
import dev.qunguan.event.MemberLeft;
import dev.qunguan.event.MessageRecalled;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.event.Role;
import dev.qunguan.event.UserRef;
import dev.qunguan.message.Message;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the body of one OneBot v11 HTTP POST report into core events. Group messages and the group
 * join, leave and recall notices become events; everything else (meta events, private messages,
 * requests, other notices, the bot's own messages) is answered with 204.
 */
final class OneBotEventDecoder {
    private static final Logger log = LoggerFactory.getLogger(OneBotEventDecoder.class);
    private static final Inbound IGNORED = new Inbound.Answered(WebhookResponse.noContent());
    private static final Inbound MALFORMED = new Inbound.Rejected(WebhookResponse.error(400, "malformed"));
    private static final Instant EARLIEST_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final JsonFactory json;

    private OneBotEventDecoder(JsonFactory json) {
        this.json = json;
    }

    static OneBotEventDecoder create(ObjectMapper mapper) {
        return new OneBotEventDecoder(mapper.getFactory());
    }

    /** Never throws: bad JSON or a known event with missing or mistyped fields yields a 400 rejection. */
    Inbound decode(byte[] body) {
        if (body.length == 0) {
            return MALFORMED;
        }
        OneBotReport report;
        try {
            report = OneBotReport.read(json, body);
        } catch (IOException notJson) {
            log.debug("OneBot report is not a JSON object: {}", notJson.getClass().getSimpleName());
            return MALFORMED;
        }
        try {
            return switch (requiredText(report, "post_type")) {
                case "message" -> message(report);
                case "notice" -> notice(report);
                default -> IGNORED; // meta_event (heartbeat, lifecycle), request, message_sent
            };
        } catch (MalformedPayload malformed) {
            log.debug("OneBot report refused: {}", malformed.getMessage());
            return MALFORMED;
        }
    }

    private static Inbound message(OneBotReport event) {
        if (!requiredText(event, "message_type").equals("group")) {
            return IGNORED; // private messages are out of scope for a group assistant
        }
        if (optionalText(event, "sub_type").equals("notice")) {
            return IGNORED; // system line such as "anonymous chat disabled", not a member speaking
        }
        long selfId = requiredLong(event, "self_id");
        long userId = requiredLong(event, "user_id");
        if (userId == selfId) {
            return IGNORED;
        }
        ChatRef chat = chat(requiredLong(event, "group_id"));
        String messageId = requiredId(event, "message_id");
        Instant at = time(event);
        OneBotReport.Content content = event.message();
        if (content == null) {
            throw MalformedPayload.missing("message");
        }
        Message message = IncomingMessage.read(content, selfId);
        EventId id = EventId.of("onebot:" + selfId + ":msg:" + messageId);
        Event received = new MessageReceived(id, chat, sender(event, userId), MessageRef.of(messageId), message, at);
        return new Inbound.Accepted(List.of(received), new Delivery.GroupMessage(chat, messageId));
    }

    private static UserRef sender(OneBotReport event, long userId) {
        String id = Long.toString(userId);
        if (event.anonymousName() != null) {
            return new UserRef(id, event.anonymousName(), Role.MEMBER);
        }
        // sender is best-effort by the spec: absent or odd fields fall back rather than refuse the message
        OneBotReport.Sender sender = event.sender();
        String displayName = !sender.card().isBlank() ? sender.card() : sender.nickname();
        Role role = switch (sender.role()) {
            case "owner" -> Role.OWNER;
            case "admin" -> Role.ADMIN;
            default -> Role.MEMBER;
        };
        return new UserRef(id, displayName, role); // a blank name becomes the user id
    }

    private static Inbound notice(OneBotReport event) {
        String noticeType = requiredText(event, "notice_type");
        return switch (noticeType) {
            case "group_increase", "group_decrease", "group_recall" -> groupNotice(event, noticeType);
            default -> IGNORED; // group_ban, group_admin, group_upload, friend_add, notify...
        };
    }

    private static Inbound groupNotice(OneBotReport event, String noticeType) {
        long selfId = requiredLong(event, "self_id");
        long userId = requiredLong(event, "user_id");
        long groupId = requiredLong(event, "group_id");
        Instant at = time(event);
        long time = at.getEpochSecond();
        ChatRef chat = chat(groupId);
        // v11 events carry no id; (notice type, group, user, time) is the documented dedupe key
        String key = "onebot:" + selfId + ":" + noticeType + ":" + groupId + ":" + userId + ":" + time;
        String user = Long.toString(userId);
        boolean aboutBot = userId == selfId;
        Event decoded;
        switch (noticeType) {
            case "group_increase" -> decoded = aboutBot
                    ? new BotAddedToChat(EventId.of(key), chat, at)
                    // notices carry no names; the id stands in until someone looks the member up
                    : new MemberJoined(EventId.of(key), chat, UserRef.member(user, user), at);
            case "group_decrease" -> {
                String subType = optionalText(event, "sub_type");
                if (aboutBot || subType.equals("kick_me")) {
                    return IGNORED; // the bot is gone from the group: nothing left to handle there
                }
                decoded = new MemberLeft(EventId.of(key), chat, UserRef.member(user, user), subType.equals("kick"), at);
            }
            default -> {
                String messageId = requiredId(event, "message_id");
                String operator = event.scalar("operator_id").kind() != OneBotReport.Scalar.Kind.NULL ? Long.toString(requiredLong(event, "operator_id")) : user;
                decoded = new MessageRecalled(
                        EventId.of(key + ":" + messageId), chat, MessageRef.of(messageId), user, operator, at);
            }
        }
        return new Inbound.Accepted(List.of(decoded), new Delivery.GroupNotice(chat, noticeType));
    }

    private static ChatRef chat(long groupId) {
        return ChatRef.of(OneBotAdapter.PLATFORM, Long.toString(groupId));
    }

    /**
     * Epoch seconds. A time outside years 1 to 9999 is no real report, and beyond what dates and zones
     * can represent it would only fail later, inside a handler.
     */
    private static Instant time(OneBotReport event) {
        long seconds = requiredLong(event, "time");
        if (seconds < EARLIEST_TIME.getEpochSecond() || seconds > LATEST_TIME.getEpochSecond()) {
            throw MalformedPayload.wrongType("time", "epoch seconds within years 1 to 9999");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static String requiredText(OneBotReport event, String field) {
        OneBotReport.Scalar value = event.scalar(field);
        return switch (value.kind()) {
            case NULL -> throw MalformedPayload.missing(field);
            case TEXT -> value.text();
            case INTEGER, OTHER -> throw MalformedPayload.wrongType(field, "string");
        };
    }

    private static String optionalText(OneBotReport event, String field) {
        OneBotReport.Scalar value = event.scalar(field);
        return value.kind() == OneBotReport.Scalar.Kind.TEXT ? value.text() : "";
    }

    /** Ids are int64 in the spec; some implementations send them as numeric strings. */
    private static long requiredLong(OneBotReport event, String field) {
        OneBotReport.Scalar value = event.scalar(field);
        return switch (value.kind()) {
            case NULL -> throw MalformedPayload.missing(field);
            case INTEGER -> value.number();
            case TEXT -> {
                try {
                    yield Long.parseLong(value.text().strip());
                } catch (NumberFormatException notNumeric) {
                    throw MalformedPayload.wrongType(field, "integer");
                }
            }
            case OTHER -> throw MalformedPayload.wrongType(field, "integer");
        };
    }

    /** Message ids are int32 in the spec, but an opaque string id is still usable to quote or delete. */
    private static String requiredId(OneBotReport event, String field) {
        OneBotReport.Scalar value = event.scalar(field);
        if (value.kind() == OneBotReport.Scalar.Kind.TEXT && !value.text().isBlank()) {
            String id = value.text().strip();
            try {
                return Long.toString(Long.parseLong(id));
            } catch (NumberFormatException opaque) {
                return id;
            }
        }
        return Long.toString(requiredLong(event, field));
    }
}
