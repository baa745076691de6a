package dev.qunguan.handler.admin;

import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.Reply;
import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.classify.Label;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.moderation.WarningLadder;
import dev.qunguan.handler.recent.RecentMessage;
import dev.qunguan.handler.recent.RecentMessages;
import dev.qunguan.message.Segment;
import dev.qunguan.store.ExampleStore;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ad} and {@code /notad} as a reply to a message: the admin's label for its text is stored (for
 * retraining) and remembered (for the very next similar message). {@code /ad} also deletes the message
 * and warns its author; {@code /notad} on a message the bot had deleted withdraws the author's latest
 * warning.
 */
final class CorrectionCommands {
    private static final Logger log = LoggerFactory.getLogger(CorrectionCommands.class);

    private final RecentMessages recent;
    private final ExampleStore store;
    private final ExampleMemory memory;
    private final WarningLadder ladder;

    CorrectionCommands(RecentMessages recent, ExampleStore store, ExampleMemory memory, WarningLadder ladder) {
        this.recent = recent;
        this.store = store;
        this.memory = memory;
        this.ladder = ladder;
    }

    Reply run(EventContext ctx, MessageReceived command, Label label) {
        String typed = label == Label.AD ? "/ad" : "/notad";
        Optional<String> quoted = command.message().quotedMessageId();
        if (quoted.isEmpty()) {
            return AdminHandler.say(ctx, ctx.script().render("moderation.correction.need-reply",
                    Map.of("command", typed)));
        }
        Optional<RecentMessage> found = recent.find(ctx.chat(), quoted.get());
        if (found.isEmpty()) {
            return AdminHandler.say(ctx, ctx.script().render("moderation.correction.unknown-message",
                    Map.of("command", typed)));
        }
        RecentMessage original = found.get();
        store.add(ctx.chat(), original.text(), label, command.sender().id(), ctx.now());
        memory.remember(ctx.chat(), original.text(), label);
        log.info("admin {} labelled message {} in chat {} as {}", command.sender().id(), original.messageId(),
                ctx.chat(), label.wireName());
        Reply acknowledged = AdminHandler.say(ctx, ctx.script().render(
                label == Label.AD ? "moderation.correction.ad" : "moderation.correction.notad",
                Map.of("member", original.author().displayName())));
        if (label != Label.AD) {
            if (original.moderated()) {
                ladder.withdrawLatest(ctx, original.author().id());
            }
            return acknowledged;
        }
        if (original.moderated()) {
            // the bot already deleted and warned; a second warning for the same message would be unfair
            return acknowledged;
        }
        recent.markModerated(ctx.chat(), original.messageId());
        Reply deleted = Reply.of(new DeleteMessage(ctx.chat(), MessageRef.of(original.messageId())));
        if (ctx.isAdmin(original.author())) {
            return deleted.and(acknowledged);
        }
        String reason = Label.AD.wireName();
        WarningLadder.Outcome outcome = ladder.warn(ctx, original.author().id(), reason, command.sender().id());
        Segment.Mention author = new Segment.Mention(original.author().id(), original.author().displayName(), false);
        return deleted.and(acknowledged).and(ladder.enforce(ctx, author, outcome, ladder.describeReason(ctx, reason)));
    }
}
