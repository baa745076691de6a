package dev.qunguan.handler.faq;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.handler.Handler;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ChatScript;
import dev.qunguan.script.ScriptFaq;
import dev.qunguan.store.FaqEntry;
import dev.qunguan.store.FaqStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a message from the group's FAQ (entries admins added in chat, then those in the script file).
 * An exact match of a question or phrasing wins; otherwise the longest question the message contains.
 * Entries are read per event: correctness first, the store is local.
 */
public final class FaqHandler implements Handler {
    /** Shorter questions would match inside almost any message. */
    private static final int MIN_CONTAINED_LENGTH = 2;
    private static final String TRAILING_MARKS = "？?!！。.~～";

    private final FaqStore faqs;

    private FaqHandler(FaqStore faqs) {
        this.faqs = faqs;
    }

    public static FaqHandler of(FaqStore faqs) {
        return new FaqHandler(Objects.requireNonNull(faqs, "faqs"));
    }

    /** One way of asking, normalised, and what it answers. */
    private record Phrasing(String normalised, String question, String answer) {}

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof MessageReceived message)) {
            return chain.proceed();
        }
        String asked = normalise(message.text());
        if (asked.isEmpty()) {
            return chain.proceed();
        }
        Optional<Phrasing> match = match(asked, phrasings(message, chain.ctx().script()));
        if (match.isEmpty()) {
            return chain.proceed();
        }
        String text = chain.ctx().script().render("faq.answer", Map.of(
                "question", match.get().question(),
                "answer", match.get().answer()));
        return Reply.of(new SendMessage(message.chat(),
                Message.of(new Segment.Quote(message.ref().id()), new Segment.Text(text))));
    }

    private List<Phrasing> phrasings(MessageReceived message, ChatScript script) {
        List<Phrasing> all = new ArrayList<>();
        for (FaqEntry entry : faqs.list(message.chat())) {
            add(all, entry.question(), entry.phrasings(), entry.answer());
        }
        for (ScriptFaq entry : script.faq()) {
            add(all, entry.question(), entry.phrasings(), entry.answer());
        }
        return all;
    }

    private static void add(List<Phrasing> all, String question, List<String> phrasings, String answer) {
        all.add(new Phrasing(normalise(question), question, answer));
        for (String phrasing : phrasings) {
            all.add(new Phrasing(normalise(phrasing), question, answer));
        }
    }

    static Optional<Phrasing> match(String asked, List<Phrasing> phrasings) {
        Phrasing best = null;
        for (Phrasing phrasing : phrasings) {
            String candidate = phrasing.normalised();
            if (candidate.isEmpty()) {
                continue;
            }
            if (candidate.equals(asked)) {
                return Optional.of(phrasing);
            }
            if (candidate.length() >= MIN_CONTAINED_LENGTH && asked.contains(candidate)
                    && (best == null || candidate.length() > best.normalised().length())) {
                best = phrasing;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Trimmed, lower-case, without the question or exclamation marks people add at the end. */
    static String normalise(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && TRAILING_MARKS.indexOf(lower.charAt(end - 1)) >= 0) {
            end--;
        }
        return lower.substring(0, end).strip();
    }
}
