package dev.qunguan.handler.faq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.qunguan.event.ChatRef;
import dev.qunguan.faq.FaqDocument;
import dev.qunguan.faq.FaqHit;
import dev.qunguan.faq.FaqMatcher;
import dev.qunguan.faq.FaqMatcherFactory;
import dev.qunguan.script.ChatScript;
import dev.qunguan.script.ScriptFaq;
import dev.qunguan.store.FaqEntry;
import dev.qunguan.store.FaqStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat's FAQ (admins' entries from the store, then the script file's) with its matchers, built once and
 * kept until the entries change: FAQ commands call {@link #changed}, and a reloaded or edited script is a
 * new script object, which rebuilds the index too. Chat events run in order, so a change is seen by the
 * next message.
 */
public final class FaqLibrary {
    /** The most chats whose index stays built; others are rebuilt on their next question. */
    private static final int CHATS = 2_000;
    /** The most distinct script FAQs whose index, for chats with no entries of their own, stays built. */
    private static final int SHARED_SCRIPTS = 64;

    /** One answerable entry. {@code key} is its id for the matcher and its name in the hit counts. */
    public record Entry(String key, String question, String answer) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** A chat's index as built for its script object: a changed script is a new object. */
    private record Index(ChatScript script, Matchers matchers) {}

    private record Matchers(Map<String, Entry> entries, FaqMatcher exact, FaqMatcher matcher) {}

    private final FaqStore store;
    private final FaqMatcherFactory matchers;
    private final FaqMatcherFactory keywords = FaqMatcherFactory.keywords();
    // cache upkeep runs on the caller: waking the common pool for it cost more than the upkeep
    private final Cache<ChatRef, Index> indexes =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(CHATS).build();
    // Most chats have no entries of their own and the same script FAQ (the default one, or a team's common
    // file): they share one index per such FAQ, rather than 500 chats holding 500 equal copies (~12 KB each).
    private final Cache<List<ScriptFaq>, Matchers> scriptOnly =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(SHARED_SCRIPTS).build();

    private FaqLibrary(FaqStore store, FaqMatcherFactory matchers) {
        this.store = store;
        this.matchers = matchers;
    }

    public static FaqLibrary of(FaqStore store, FaqMatcherFactory matchers) {
        return new FaqLibrary(Objects.requireNonNull(store, "store"), Objects.requireNonNull(matchers, "matchers"));
    }

    /** The key hit counts use for a store entry. */
    public static String key(long entryId) {
        return Long.toString(entryId);
    }

    /** Forgets the chat's index after its entries changed. */
    public void changed(ChatRef chat) {
        indexes.invalidate(chat);
    }

    /** The entry whose question or phrasing the text is, ignoring case, spacing and trailing marks. */
    Optional<Entry> exact(ChatRef chat, ChatScript script, String text) {
        Matchers index = index(chat, script);
        if (index.entries().isEmpty()) {
            return Optional.empty();
        }
        FaqHit hit = index.exact().match(text);
        // the keyword matcher scores exact equality 1 and containment less
        return hit.score() >= 1.0 ? hit.entryId().map(index.entries()::get) : Optional.empty();
    }

    /** The entry the group's matcher picks for the question, if it does not abstain. */
    Optional<Entry> match(ChatRef chat, ChatScript script, String text) {
        Matchers index = index(chat, script);
        if (index.entries().isEmpty()) {
            // most groups have no FAQ: skip the matcher's text analysis, which costs more than the rest of the chain
            return Optional.empty();
        }
        return index.matcher().match(text).entryId().map(index.entries()::get);
    }

    private Matchers index(ChatRef chat, ChatScript script) {
        Index index = indexes.getIfPresent(chat);
        if (index == null || index.script() != script) {
            index = new Index(script, build(chat, script));
            indexes.put(chat, index);
        }
        return index.matchers();
    }

    private Matchers build(ChatRef chat, ChatScript script) {
        List<FaqEntry> own = store.list(chat);
        if (own.isEmpty()) {
            return scriptOnly.get(script.faq(), faq -> build(List.of(), faq));
        }
        return build(own, script.faq());
    }

    private Matchers build(List<FaqEntry> own, List<ScriptFaq> scriptFaq) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<FaqDocument> documents = new ArrayList<>();
        for (FaqEntry entry : own) {
            String key = key(entry.id());
            entries.put(key, new Entry(key, entry.question(), entry.answer()));
            documents.add(new FaqDocument(key, entry.question(), entry.phrasings()));
        }
        for (ScriptFaq entry : scriptFaq) {
            String key = "script:" + entry.question();
            if (entries.putIfAbsent(key, new Entry(key, entry.question(), entry.answer())) == null) {
                documents.add(new FaqDocument(key, entry.question(), entry.phrasings()));
            }
        }
        return new Matchers(Map.copyOf(entries), keywords.build(documents), matchers.build(documents));
    }
}
