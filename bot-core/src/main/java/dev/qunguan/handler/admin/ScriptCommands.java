package dev.qunguan.handler.admin;

import dev.qunguan.script.ScriptEditing;

import dev.qunguan.action.Reply;
import dev.qunguan.event.ChatRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.script.ScriptKeys;
import dev.qunguan.store.ScriptOverrideStore;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /script set <key> <template>}, {@code /script show <key>} and {@code /script reset <key>}: a
 * group's own wording, checked before it is stored and in force from the next event.
 */
final class ScriptCommands {
    private final ScriptOverrideStore overrides;
    private final ScriptEditing editing;

    ScriptCommands(ScriptOverrideStore overrides, ScriptEditing editing) {
        this.overrides = overrides;
        this.editing = editing;
    }

    Reply run(EventContext ctx, Command script) {
        Command sub = script.sub();
        Command keyAndRest = sub.arguments().isEmpty() ? new Command("", "") : rawSub(sub.arguments());
        if (keyAndRest.name().isEmpty()) {
            return usage(ctx);
        }
        return switch (sub.name()) {
            case "set" -> set(ctx, keyAndRest.name(), keyAndRest.arguments());
            case "show" -> show(ctx, keyAndRest.name());
            case "reset" -> reset(ctx, keyAndRest.name());
            default -> usage(ctx);
        };
    }

    private Reply set(EventContext ctx, String typedKey, String template) {
        if (template.isEmpty()) {
            return usage(ctx);
        }
        Optional<String> key = editing.resolveKey(ctx.chat(), typedKey);
        if (key.isEmpty()) {
            return unknownKey(ctx, typedKey);
        }
        Optional<String> error = editing.validate(key.get(), template);
        if (error.isPresent()) {
            return AdminHandler.say(ctx, ctx.script().render("script.invalid", Map.of(
                    "key", key.get(),
                    "error", error.get())));
        }
        ChatRef chat = ctx.chat();
        overrides.put(chat, key.get(), template);
        editing.invalidate(chat);
        return AdminHandler.say(ctx, ctx.script().render("script.set", Map.of("key", key.get())));
    }

    private Reply show(EventContext ctx, String typedKey) {
        Optional<String> key = editing.resolveKey(ctx.chat(), typedKey);
        if (key.isEmpty()) {
            return unknownKey(ctx, typedKey);
        }
        return AdminHandler.say(ctx, ctx.script().render("script.show", Map.of(
                "key", key.get(),
                "template", ctx.script().template(key.get()))));
    }

    private Reply reset(EventContext ctx, String typedKey) {
        Optional<String> key = editing.resolveKey(ctx.chat(), typedKey);
        if (key.isEmpty()) {
            return unknownKey(ctx, typedKey);
        }
        overrides.remove(ctx.chat(), key.get());
        editing.invalidate(ctx.chat());
        return AdminHandler.say(ctx, ctx.script().render("script.reset", Map.of("key", key.get())));
    }

    private static Reply unknownKey(EventContext ctx, String typedKey) {
        return AdminHandler.say(ctx, ctx.script().render("script.unknown-key", Map.of(
                "key", typedKey,
                "keys", String.join(", ", ScriptKeys.all()))));
    }

    private static Reply usage(EventContext ctx) {
        return AdminHandler.say(ctx, ctx.script().render("script.usage"));
    }

    /** Keys are case-sensitive and templates keep their line breaks, so split without lower-casing. */
    private static Command rawSub(String arguments) {
        int space = 0;
        while (space < arguments.length() && !Character.isWhitespace(arguments.charAt(space))) {
            space++;
        }
        return new Command(arguments.substring(0, space), arguments.substring(space).strip());
    }
}
