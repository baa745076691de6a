package dev.qunguan.handler.moderation;

import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.classify.Label;
import dev.qunguan.event.ChatRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.MentionedText;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ModerationSettings;
import dev.qunguan.store.Warning;
import dev.qunguan.store.WarningStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The warning ladder shared by automatic moderation and the admins' {@code /warn}: every warning is
 * stored; enough active warnings mute the member, more remove them. Only warnings younger than the
 * chat's expiry count.
 */
public final class WarningLadder {
    /** Which rung a member stands on after a warning. */
    public enum Step {
        WARNED,
        MUTED,
        REMOVED
    }

    /** The rung reached and the number of active warnings that put the member there. */
    public record Outcome(Step step, int activeWarnings) {
        public Outcome {
            Objects.requireNonNull(step, "step");
        }
    }

    private final WarningStore warnings;

    private WarningLadder(WarningStore warnings) {
        this.warnings = warnings;
    }

    public static WarningLadder of(WarningStore warnings) {
        return new WarningLadder(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Stores a warning for the event being handled and tells which rung the member's active warnings now
     * reach. An event handled twice (a redelivery after a node died half-way) warns once.
     */
    public Outcome warn(EventContext ctx, String userId, String reason, String issuedBy) {
        warnings.add(ctx.chat(), userId, reason, issuedBy, ctx.now(), ctx.eventId().value());
        int count = active(ctx, userId).size();
        ModerationSettings settings = ctx.script().settings().moderation();
        Step step;
        if (count >= settings.removeAtWarnings()) {
            step = Step.REMOVED;
        } else if (count >= settings.muteAtWarnings()) {
            step = Step.MUTED;
        } else {
            step = Step.WARNED;
        }
        return new Outcome(step, count);
    }

    /** The member's warnings that still count, oldest first as the store returns them. */
    public List<Warning> active(EventContext ctx, String userId) {
        return warnings.active(ctx.chat(), userId, activeSince(ctx));
    }

    /** Withdraws the member's latest active warning; false when none was active. */
    public boolean withdrawLatest(EventContext ctx, String userId) {
        return warnings.removeLatest(ctx.chat(), userId, activeSince(ctx));
    }

    /**
     * The standard consequence of an outcome: the mute or removal, then a message that @-mentions the
     * member and names the reason (never the offending text).
     */
    public Reply enforce(EventContext ctx, Segment.Mention member, Outcome outcome, String reasonText) {
        ModerationSettings settings = ctx.script().settings().moderation();
        ChatRef chat = ctx.chat();
        String count = Integer.toString(outcome.activeWarnings());
        return switch (outcome.step()) {
            case WARNED -> Reply.of(say(ctx, member, "moderation.warned", Map.of(
                    "reason", reasonText,
                    "count", count,
                    "mute_at", Integer.toString(settings.muteAtWarnings()),
                    "remove_at", Integer.toString(settings.removeAtWarnings()))));
            case MUTED -> Reply.of(
                    new MuteMember(chat, member.userId(), settings.muteDuration()),
                    say(ctx, member, "moderation.muted", Map.of(
                            "reason", reasonText,
                            "minutes", Long.toString(settings.muteDuration().toMinutes()),
                            "count", count,
                            "remove_at", Integer.toString(settings.removeAtWarnings()))));
            case REMOVED -> Reply.of(
                    new RemoveMember(chat, member.userId()),
                    say(ctx, member, "moderation.removed", Map.of(
                            "reason", reasonText,
                            "count", count)));
        };
    }

    /**
     * How a stored reason reads in chat: the bot's reason codes ({@code ad}, {@code abuse}) through the
     * script, an admin's own note as written.
     */
    public String describeReason(EventContext ctx, String reason) {
        for (Label label : Label.values()) {
            if (label.isViolation() && label.wireName().equals(reason)) {
                return ctx.script().render("moderation.reason." + reason);
            }
        }
        return reason;
    }

    private static Instant activeSince(EventContext ctx) {
        return ctx.now().minus(ctx.script().settings().moderation().warningExpiry());
    }

    private static SendMessage say(EventContext ctx, Segment.Mention member, String key, Map<String, String> variables) {
        return new SendMessage(ctx.chat(), MentionedText.render(ctx.script(), key, variables, "member", member));
    }
}
