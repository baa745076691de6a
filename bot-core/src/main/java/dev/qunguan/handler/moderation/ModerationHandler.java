package dev.qunguan.handler.moderation;

import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.Reply;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.UserRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ModerationSettings;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes members' ads and abuse once the classifier is sure enough for the group's sensitivity, stores a
 * warning and applies the ladder. A moderated message goes no further down the chain. Owners, admins and
 * bot admins are never moderated.
 */
public final class ModerationHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(ModerationHandler.class);
    /** Who {@code issuedBy} names for warnings the bot gives by itself. */
    static final String ISSUER = "qunguan";

    private final Classifier classifier;
    private final WarningLadder ladder;

    private ModerationHandler(Classifier classifier, WarningLadder ladder) {
        this.classifier = classifier;
        this.ladder = ladder;
    }

    public static ModerationHandler of(Classifier classifier, WarningLadder ladder) {
        return new ModerationHandler(Objects.requireNonNull(classifier, "classifier"),
                Objects.requireNonNull(ladder, "ladder"));
    }

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof MessageReceived message)) {
            return chain.proceed();
        }
        EventContext ctx = chain.ctx();
        ModerationSettings settings = ctx.script().settings().moderation();
        String text = message.text();
        if (!settings.enabled() || ctx.isAdmin(message.sender()) || text.isEmpty()) {
            return chain.proceed();
        }
        Classification verdict = classifier.classify(text);
        double threshold = Sensitivity.fromSetting(settings.sensitivity()).threshold();
        if (!verdict.label().isViolation() || verdict.confidence() < threshold) {
            return chain.proceed();
        }
        UserRef sender = message.sender();
        String reason = verdict.label().wireName();
        WarningLadder.Outcome outcome = ladder.warn(ctx, sender.id(), reason, ISSUER);
        // Signals, not the text itself: logs must not become an archive of the abuse.
        log.info("moderated message {} in chat {}: {} {} -> {} ({} active warnings)", message.ref().id(),
                message.chat(), reason, verdict.signals(), outcome.step(), outcome.activeWarnings());
        String reasonText = ladder.describeReason(ctx, reason);
        Segment.Mention mention = new Segment.Mention(sender.id(), sender.displayName(), false);
        return Reply.of(new DeleteMessage(message.chat(), message.ref()))
                .and(ladder.enforce(ctx, mention, outcome, reasonText));
    }
}
