package dev.qunguan.handler.admin;

import dev.qunguan.action.Reply;
import dev.qunguan.handler.EventContext;
import dev.qunguan.store.FaqEntry;
import dev.qunguan.store.FaqStore;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code /faq add 问题 | 答案}, {@code /faq alias <id> 说法}, {@code /faq del <id>} and {@code /faq list}: the
 * group's own FAQ entries, kept in the store.
 */
final class FaqCommands {
    private final FaqStore faqs;

    FaqCommands(FaqStore faqs) {
        this.faqs = faqs;
    }

    Reply run(EventContext ctx, Command faq) {
        Command sub = faq.sub();
        return switch (sub.name()) {
            case "add" -> add(ctx, sub.arguments());
            case "alias" -> alias(ctx, sub.sub());
            case "del", "delete", "rm" -> delete(ctx, sub.arguments());
            case "list", "ls" -> list(ctx);
            default -> usage(ctx);
        };
    }

    private Reply add(EventContext ctx, String arguments) {
        int bar = separator(arguments);
        if (bar < 0) {
            return usage(ctx);
        }
        String question = arguments.substring(0, bar).strip();
        String answer = arguments.substring(bar + 1).strip();
        if (question.isEmpty() || answer.isEmpty()) {
            return usage(ctx);
        }
        FaqEntry entry = faqs.add(ctx.chat(), question, answer);
        return AdminHandler.say(ctx, ctx.script().render("faq.added", Map.of(
                "id", Long.toString(entry.id()),
                "question", entry.question())));
    }

    /** {@code /faq alias 3 怎么进群}: here the sub-command's name is the id and its arguments the phrasing. */
    private Reply alias(EventContext ctx, Command idAndPhrasing) {
        OptionalLong id = id(idAndPhrasing.name());
        String phrasing = idAndPhrasing.arguments();
        if (id.isEmpty() || phrasing.isEmpty()) {
            return usage(ctx);
        }
        if (!faqs.addPhrasing(ctx.chat(), id.getAsLong(), phrasing)) {
            return notFound(ctx, id.getAsLong());
        }
        return AdminHandler.say(ctx, ctx.script().render("faq.phrasing-added", Map.of(
                "id", Long.toString(id.getAsLong()),
                "phrasing", phrasing)));
    }

    private Reply delete(EventContext ctx, String arguments) {
        OptionalLong id = id(arguments);
        if (id.isEmpty()) {
            return usage(ctx);
        }
        if (!faqs.delete(ctx.chat(), id.getAsLong())) {
            return notFound(ctx, id.getAsLong());
        }
        return AdminHandler.say(ctx, ctx.script().render("faq.deleted", Map.of("id", Long.toString(id.getAsLong()))));
    }

    private Reply list(EventContext ctx) {
        List<FaqEntry> entries = faqs.list(ctx.chat());
        if (entries.isEmpty()) {
            return AdminHandler.say(ctx, ctx.script().render("faq.list.empty"));
        }
        StringBuilder lines = new StringBuilder();
        for (FaqEntry entry : entries) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(ctx.script().render("faq.list.line", Map.of(
                    "id", Long.toString(entry.id()),
                    "question", entry.question(),
                    "answer", entry.answer())));
        }
        return AdminHandler.say(ctx, ctx.script().render("faq.list", Map.of(
                "count", Integer.toString(entries.size()),
                "entries", lines.toString())));
    }

    private static Reply notFound(EventContext ctx, long id) {
        return AdminHandler.say(ctx, ctx.script().render("faq.not-found", Map.of("id", Long.toString(id))));
    }

    private static Reply usage(EventContext ctx) {
        return AdminHandler.say(ctx, ctx.script().render("faq.usage"));
    }

    /** Question and answer are split at the first bar, half-width or full-width. */
    private static int separator(String arguments) {
        int half = arguments.indexOf('|');
        int full = arguments.indexOf('｜');
        if (half < 0) {
            return full;
        }
        return full < 0 ? half : Math.min(half, full);
    }

    private static OptionalLong id(String text) {
        String digits = text.strip();
        if (digits.startsWith("#")) {
            digits = digits.substring(1);
        }
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
