package dev.qunguan.handler.moderation;

import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.Reply;
import dev.qunguan.classify.ActionThresholds;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import dev.qunguan.classify.Sensitivity;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.UserRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.handler.Verdicts;
import dev.qunguan.handler.recent.RecentMessages;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ModerationSettings;
import dev.qunguan.store.MemberHistoryStore;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes members' ads and abuse once the verdict is sure enough for the group's sensitivity and the
 * member's standing, stores a warning and applies the ladder. Admins' labelled examples decide at once,
 * either way. A moderated message goes no further down the chain. Owners, admins and bot admins are never
 * moderated. Every moderated member's clean record is kept up to date here.
 */
public final class ModerationHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(ModerationHandler.class);
    /** Who {@code issuedBy} names for warnings the bot gives by itself. */
    static final String ISSUER = "qunguan";

    private final Verdicts verdicts;
    private final WarningLadder ladder;
    private final MemberHistoryStore history;
    private final RecentMessages recent;

    private ModerationHandler(Verdicts verdicts, WarningLadder ladder, MemberHistoryStore history,
            RecentMessages recent) {
        this.verdicts = verdicts;
        this.ladder = ladder;
        this.history = history;
        this.recent = recent;
    }

    public static ModerationHandler of(Verdicts verdicts, WarningLadder ladder, MemberHistoryStore history,
            RecentMessages recent) {
        return new ModerationHandler(Objects.requireNonNull(verdicts, "verdicts"),
                Objects.requireNonNull(ladder, "ladder"),
                Objects.requireNonNull(history, "history"),
                Objects.requireNonNull(recent, "recent"));
    }

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof MessageReceived message)) {
            return chain.proceed();
        }
        EventContext ctx = chain.ctx();
        ModerationSettings settings = ctx.script().settings().moderation();
        if (!settings.enabled() || ctx.isAdmin(message.sender()) || message.text().isEmpty()) {
            return chain.proceed();
        }
        UserRef sender = message.sender();
        MemberStanding standing = MemberStanding.of(history.find(message.chat(), sender.id()), ctx.now());
        Classification verdict = verdicts.of(message);
        ActionThresholds thresholds = standing.thresholds(Sensitivity.fromSetting(settings.sensitivity()));
        // Act on the calibrated violation scores, not the classifier's own decision, so a strict group can
        // act below the classifier's default thresholds and a lenient one stays above them. A classifier
        // without scores (rules alone) is taken at its word, at its confidence.
        Label violation = verdict.scores().isEmpty()
                ? (verdict.label().isViolation() && verdict.confidence() >= thresholds.of(verdict.label())
                        ? verdict.label() : null)
                : thresholds.violation(verdict.score(Label.AD), verdict.score(Label.ABUSE));
        if (violation == null) {
            history.recordClean(message.chat(), sender.id(), ctx.now());
            return chain.proceed();
        }
        history.recordViolation(message.chat(), sender.id(), ctx.now());
        recent.markModerated(message.chat(), message.ref().id());
        String reason = violation.wireName();
        WarningLadder.Outcome outcome = ladder.warn(ctx, sender.id(), reason, ISSUER);
        // Signals, not the text itself: logs must not become an archive of the abuse.
        log.info("moderated message {} in chat {}: {} {} ({}) -> {} ({} active warnings)", message.ref().id(),
                message.chat(), reason, verdict.signals(), standing, outcome.step(), outcome.activeWarnings());
        String reasonText = ladder.describeReason(ctx, reason);
        Segment.Mention mention = new Segment.Mention(sender.id(), sender.displayName(), false);
        return Reply.of(new DeleteMessage(message.chat(), message.ref()))
                .and(ladder.enforce(ctx, mention, outcome, reasonText));
    }
}
