package dev.qunguan.handler.faq;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.classify.Label;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.handler.Verdicts;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.store.FaqHitStore;
import dev.qunguan.store.UnansweredStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers members' questions from the group's FAQ. A message that is exactly an entry's question or
 * phrasing is always answered; otherwise only questions (by the verdict) and messages that @-mention the
 * bot are matched, so chat that merely contains a keyword stays unanswered. The same entry asked again
 * within the group's cooldown gets a short pointer instead of the whole answer. Questions no entry fits
 * are queued for the admins.
 */
public final class FaqHandler implements Handler {
    private final FaqLibrary library;
    private final Verdicts verdicts;
    private final FaqHitStore hits;
    private final UnansweredStore unanswered;

    private FaqHandler(FaqLibrary library, Verdicts verdicts, FaqHitStore hits, UnansweredStore unanswered) {
        this.library = library;
        this.verdicts = verdicts;
        this.hits = hits;
        this.unanswered = unanswered;
    }

    public static FaqHandler of(FaqLibrary library, Verdicts verdicts, FaqHitStore hits, UnansweredStore unanswered) {
        return new FaqHandler(Objects.requireNonNull(library, "library"),
                Objects.requireNonNull(verdicts, "verdicts"),
                Objects.requireNonNull(hits, "hits"),
                Objects.requireNonNull(unanswered, "unanswered"));
    }

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof MessageReceived message)) {
            return chain.proceed();
        }
        String text = message.text();
        // unknown slash commands are not questions
        if (text.isEmpty() || text.startsWith("/") || text.startsWith("／")) {
            return chain.proceed();
        }
        EventContext ctx = chain.ctx();
        ChatRef chat = message.chat();
        Optional<FaqLibrary.Entry> entry = library.exact(chat, ctx.script(), text);
        if (entry.isPresent()) {
            return answer(ctx, message, entry.get());
        }
        boolean asked = message.message().mentionsBot() || verdicts.of(message).label() == Label.QUESTION;
        if (!asked) {
            return chain.proceed();
        }
        entry = library.match(chat, ctx.script(), text);
        if (entry.isPresent()) {
            return answer(ctx, message, entry.get());
        }
        unanswered.add(chat, text, message.sender().id(), message.sender().displayName(), message.ref().id(),
                ctx.now());
        return chain.proceed();
    }

    private Reply answer(EventContext ctx, MessageReceived message, FaqLibrary.Entry entry) {
        Instant now = ctx.now();
        Duration cooldown = ctx.script().settings().faqCooldown();
        Optional<Instant> last = hits.lastAnswered(message.chat(), entry.key());
        boolean recent = last.isPresent() && now.isBefore(last.get().plus(cooldown));
        hits.recordHit(message.chat(), entry.key(), now, !recent);
        String text;
        if (recent) {
            long minutes = Math.max(1, Duration.between(last.get(), now).toMinutes());
            text = ctx.script().render("faq.recently-answered", Map.of(
                    "question", entry.question(),
                    "minutes", Long.toString(minutes)));
        } else {
            text = ctx.script().render("faq.answer", Map.of(
                    "question", entry.question(),
                    "answer", entry.answer()));
        }
        return Reply.of(new SendMessage(message.chat(),
                Message.of(new Segment.Quote(message.ref().id()), new Segment.Text(text))));
    }
}
