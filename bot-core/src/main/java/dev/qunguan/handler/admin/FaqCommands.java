package dev.qunguan.handler.admin;

import dev.qunguan.action.Reply;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.faq.FaqLibrary;
import dev.qunguan.handler.recent.RecentMessage;
import dev.qunguan.handler.recent.RecentMessages;
import dev.qunguan.store.FaqEntry;
import dev.qunguan.store.FaqHitStore;
import dev.qunguan.store.FaqStore;
import dev.qunguan.store.UnansweredQuestion;
import dev.qunguan.store.UnansweredStore;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /faq add 问题 | 答案}, {@code /faq alias <id> 说法}, {@code /faq del <id>}, {@code /faq list},
 * {@code /faq learn …} and {@code /unanswered}: the group's own FAQ entries, kept in the store, and the
 * questions nobody has answered yet. Every change rebuilds the chat's FAQ index for the next message.
 */
final class FaqCommands {
    /** How many unanswered questions {@code /unanswered} lists, newest first. */
    static final int UNANSWERED_LISTED = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final FaqStore faqs;
    private final FaqLibrary library;
    private final FaqHitStore hits;
    private final UnansweredStore unanswered;
    private final RecentMessages recent;

    FaqCommands(FaqStore faqs, FaqLibrary library, FaqHitStore hits, UnansweredStore unanswered,
            RecentMessages recent) {
        this.faqs = faqs;
        this.library = library;
        this.hits = hits;
        this.unanswered = unanswered;
        this.recent = recent;
    }

    Reply run(EventContext ctx, MessageReceived message, Command faq) {
        Command sub = faq.sub();
        Reply reply = switch (sub.name()) {
            case "add" -> add(ctx, sub.arguments());
            case "alias" -> alias(ctx, sub.sub());
            case "del", "delete", "rm" -> delete(ctx, sub.arguments());
            case "list", "ls" -> list(ctx);
            case "learn" -> learn(ctx, message, sub.arguments());
            default -> usage(ctx);
        };
        library.changed(ctx.chat());
        return reply;
    }

    /** {@code /unanswered}: the newest questions no entry answered, with the ids {@code /faq learn} takes. */
    Reply unanswered(EventContext ctx) {
        List<UnansweredQuestion> questions = unanswered.newest(ctx.chat(), UNANSWERED_LISTED);
        if (questions.isEmpty()) {
            return AdminHandler.say(ctx, ctx.script().render("faq.unanswered.empty"));
        }
        DateTimeFormatter when = WHEN.withZone(ctx.script().settings().timeZone());
        StringBuilder lines = new StringBuilder();
        for (UnansweredQuestion question : questions) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(ctx.script().render("faq.unanswered.line", Map.of(
                    "id", Long.toString(question.id()),
                    "question", question.text(),
                    "asker", question.askerName(),
                    "time", when.format(question.at()))));
        }
        return AdminHandler.say(ctx, ctx.script().render("faq.unanswered", Map.of(
                "count", Integer.toString(questions.size()),
                "entries", lines.toString())));
    }

    /**
     * As a reply to a question: {@code /faq learn 答案} makes it a new entry, {@code /faq learn #3} another
     * phrasing of entry 3. Without a reply: {@code /faq learn 12 答案} learns unanswered question 12.
     */
    private Reply learn(EventContext ctx, MessageReceived message, String arguments) {
        if (arguments.isEmpty()) {
            return AdminHandler.say(ctx, ctx.script().render("faq.learn.usage"));
        }
        Optional<String> quoted = message.message().quotedMessageId();
        Optional<UnansweredQuestion> queued;
        String question;
        String rest;
        if (quoted.isPresent()) {
            queued = unanswered.findByMessage(ctx.chat(), quoted.get());
            Optional<String> text = queued.map(UnansweredQuestion::text)
                    .or(() -> recent.find(ctx.chat(), quoted.get()).map(RecentMessage::text));
            if (text.isEmpty() || text.get().isBlank()) {
                return AdminHandler.say(ctx, ctx.script().render("faq.learn.unknown-question"));
            }
            question = text.get();
            rest = arguments;
        } else {
            Command idAndAnswer = new Command("learn", arguments).sub();
            OptionalLong id = id(idAndAnswer.name());
            if (id.isEmpty() || idAndAnswer.arguments().isEmpty()) {
                return AdminHandler.say(ctx, ctx.script().render("faq.learn.usage"));
            }
            queued = unanswered.find(ctx.chat(), id.getAsLong());
            if (queued.isEmpty()) {
                return AdminHandler.say(ctx, ctx.script().render("faq.unanswered.not-found",
                        Map.of("id", Long.toString(id.getAsLong()))));
            }
            question = queued.get().text();
            rest = idAndAnswer.arguments();
        }
        Reply reply;
        if (rest.startsWith("#") && id(rest).isPresent()) {
            long entryId = id(rest).getAsLong();
            if (!faqs.addPhrasing(ctx.chat(), entryId, question)) {
                return notFound(ctx, entryId);
            }
            reply = AdminHandler.say(ctx, ctx.script().render("faq.learned-phrasing", Map.of(
                    "id", Long.toString(entryId),
                    "phrasing", question)));
        } else {
            FaqEntry entry = faqs.add(ctx.chat(), question, rest);
            reply = AdminHandler.say(ctx, ctx.script().render("faq.learned", Map.of(
                    "id", Long.toString(entry.id()),
                    "question", entry.question())));
        }
        queued.ifPresent(q -> unanswered.remove(ctx.chat(), q.id()));
        return reply;
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
        Map<String, Long> asked = hits.hits(ctx.chat());
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
                    "answer", entry.answer(),
                    "hits", Long.toString(asked.getOrDefault(FaqLibrary.key(entry.id()), 0L)))));
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
