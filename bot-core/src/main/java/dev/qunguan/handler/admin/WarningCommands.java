package dev.qunguan.handler.admin;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.MentionedText;
import dev.qunguan.handler.moderation.WarningLadder;
import dev.qunguan.message.Segment;
import dev.qunguan.store.Warning;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** {@code /warn}, {@code /unwarn} and {@code /warnings}: admins' hand on the same ladder moderation uses. */
final class WarningCommands {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WarningLadder ladder;

    WarningCommands(WarningLadder ladder) {
        this.ladder = ladder;
    }

    Reply warn(EventContext ctx, String adminId, Segment.Mention target, String note) {
        WarningLadder.Outcome outcome = ladder.warn(ctx, target.userId(), note, adminId);
        String reasonText = ladder.describeReason(ctx, note);
        if (outcome.step() != WarningLadder.Step.WARNED) {
            return ladder.enforce(ctx, target, outcome, reasonText);
        }
        // Mentioned, so the member learns of the warning too.
        return Reply.of(new SendMessage(ctx.chat(), MentionedText.render(ctx.script(), "admin.warned", Map.of(
                "count", Integer.toString(outcome.activeWarnings()),
                "reason", reasonText), "member", target)));
    }

    Reply unwarn(EventContext ctx, Segment.Mention target) {
        if (!ladder.withdrawLatest(ctx, target.userId())) {
            return noWarnings(ctx, target);
        }
        return AdminHandler.say(ctx, ctx.script().render("admin.unwarned", Map.of(
                "member", target.displayName(),
                "count", Integer.toString(ladder.active(ctx, target.userId()).size()))));
    }

    Reply list(EventContext ctx, Segment.Mention target) {
        List<Warning> active = ladder.active(ctx, target.userId());
        if (active.isEmpty()) {
            return noWarnings(ctx, target);
        }
        DateTimeFormatter when = WHEN.withZone(ctx.script().settings().timeZone());
        StringBuilder entries = new StringBuilder();
        for (Warning warning : active) {
            if (!entries.isEmpty()) {
                entries.append('\n');
            }
            entries.append(ctx.script().render("admin.warnings.line", Map.of(
                    "time", when.format(warning.at()),
                    "reason", ladder.describeReason(ctx, warning.reason()),
                    "by", warning.issuedBy())));
        }
        return AdminHandler.say(ctx, ctx.script().render("admin.warnings", Map.of(
                "member", target.displayName(),
                "count", Integer.toString(active.size()),
                "entries", entries.toString())));
    }

    private static Reply noWarnings(EventContext ctx, Segment.Mention target) {
        return AdminHandler.say(ctx, ctx.script().render("admin.no-warnings", Map.of("member", target.displayName())));
    }
}
