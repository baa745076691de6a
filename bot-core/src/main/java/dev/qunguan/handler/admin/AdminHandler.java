package dev.qunguan.handler.admin;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.classify.Label;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.UserRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.handler.faq.FaqLibrary;
import dev.qunguan.handler.moderation.WarningLadder;
import dev.qunguan.handler.recent.RecentMessages;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ScriptEditing;
import dev.qunguan.store.Stores;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises admin commands ({@code /help}, {@code /warn}, {@code /unwarn}, {@code /warnings},
 * {@code /faq}, {@code /unanswered}, {@code /script}, {@code /ad}, {@code /notad}), refuses them to members
 * who are not admins, and runs them. Other slash words, such as {@code /rules}, go on down the chain.
 */
public final class AdminHandler implements Handler {
    private static final Set<String> COMMANDS = Set.of("help", "warn", "unwarn", "warnings", "faq", "script",
            "unanswered", "ad", "notad");

    private final WarningCommands warnings;
    private final FaqCommands faq;
    private final ScriptCommands scripts;
    private final CorrectionCommands corrections;

    private AdminHandler(WarningCommands warnings, FaqCommands faq, ScriptCommands scripts,
            CorrectionCommands corrections) {
        this.warnings = warnings;
        this.faq = faq;
        this.scripts = scripts;
        this.corrections = corrections;
    }

    /**
     * @param stores   FAQ entries and hits, unanswered questions, script overrides and labelled examples
     * @param library  told when the chat's FAQ changes
     * @param recent   the texts of quoted messages
     * @param examples remembers admins' corrections for the next message
     */
    public static AdminHandler of(WarningLadder ladder, Stores stores, ScriptEditing editing, FaqLibrary library,
            RecentMessages recent, ExampleMemory examples) {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(recent, "recent");
        return new AdminHandler(
                new WarningCommands(ladder),
                new FaqCommands(stores.faq(), library, stores.faqHits(), stores.unanswered(), recent),
                new ScriptCommands(stores.scriptOverrides(), Objects.requireNonNull(editing, "editing")),
                new CorrectionCommands(recent, stores.examples(), Objects.requireNonNull(examples, "examples"),
                        ladder));
    }

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof MessageReceived message)) {
            return chain.proceed();
        }
        Optional<Command> command = Command.parse(message.text()).filter(c -> COMMANDS.contains(c.name()));
        if (command.isEmpty()) {
            return chain.proceed();
        }
        EventContext ctx = chain.ctx();
        UserRef sender = message.sender();
        if (!ctx.isAdmin(sender)) {
            return say(ctx, ctx.script().render("admin.not-allowed", Map.of("member", sender.displayName())));
        }
        return run(ctx, message, command.get());
    }

    private Reply run(EventContext ctx, MessageReceived message, Command command) {
        return switch (command.name()) {
            case "help" -> say(ctx, ctx.script().render("admin.help"));
            case "faq" -> faq.run(ctx, message, command);
            case "unanswered" -> faq.unanswered(ctx);
            case "ad" -> corrections.run(ctx, message, Label.AD);
            case "notad" -> corrections.run(ctx, message, Label.NORMAL);
            case "script" -> scripts.run(ctx, command);
            default -> withTarget(ctx, message, command);
        };
    }

    private Reply withTarget(EventContext ctx, MessageReceived message, Command command) {
        List<Segment.Mention> mentioned = message.message().mentionedMembers();
        if (mentioned.isEmpty()) {
            return say(ctx, ctx.script().render("admin.need-mention", Map.of("command", command.typed())));
        }
        Segment.Mention target = mentioned.getFirst();
        return switch (command.name()) {
            case "warn" -> warnings.warn(ctx, message.sender().id(), target, command.arguments());
            case "unwarn" -> warnings.unwarn(ctx, target);
            default -> warnings.list(ctx, target);
        };
    }

    static Reply say(EventContext ctx, String text) {
        return Reply.of(new SendMessage(ctx.chat(), Message.text(text)));
    }
}
