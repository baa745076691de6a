package dev.qunguan.handler.admin;

import dev.qunguan.script.ScriptEditing;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.UserRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.handler.moderation.WarningLadder;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.store.FaqStore;
import dev.qunguan.store.ScriptOverrideStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises admin commands ({@code /help}, {@code /warn}, {@code /unwarn}, {@code /warnings},
 * {@code /faq}, {@code /script}), refuses them to members who are not admins, and runs them. Other slash
 * words, such as {@code /rules}, go on down the chain.
 */
public final class AdminHandler implements Handler {
    private static final Set<String> COMMANDS = Set.of("help", "warn", "unwarn", "warnings", "faq", "script");

    private final WarningCommands warnings;
    private final FaqCommands faq;
    private final ScriptCommands scripts;

    private AdminHandler(WarningCommands warnings, FaqCommands faq, ScriptCommands scripts) {
        this.warnings = warnings;
        this.faq = faq;
        this.scripts = scripts;
    }

    public static AdminHandler of(WarningLadder ladder, FaqStore faqs, ScriptOverrideStore overrides,
            ScriptEditing editing) {
        return new AdminHandler(
                new WarningCommands(Objects.requireNonNull(ladder, "ladder")),
                new FaqCommands(Objects.requireNonNull(faqs, "faqs")),
                new ScriptCommands(Objects.requireNonNull(overrides, "overrides"),
                        Objects.requireNonNull(editing, "editing")));
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
            case "faq" -> faq.run(ctx, command);
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
