package dev.qunguan.app;

import dev.qunguan.adapters.onebot.OneBotAdapter;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.classify.Label;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.event.ChatRef;
import dev.qunguan.faq.FaqDocument;
import dev.qunguan.faq.FaqHit;
import dev.qunguan.faq.FaqMatcher;
import dev.qunguan.nlp.faq.FaqIndex;
import dev.qunguan.nlp.faq.FaqMatch;
import dev.qunguan.nlp.model.ModelClassifier;
import dev.qunguan.runtime.BotRuntime;
import dev.qunguan.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which adapters and models a configuration turns into. */
final class Wiring {
    private static final Logger log = LoggerFactory.getLogger(Wiring.class);
    private static final AtomicReference<@Nullable CompletableFuture<Classifier>> EARLY_LOAD =
            new AtomicReference<>();

    private Wiring() {}

    static BotRuntime.Builder runtime(QunguanConfig config) {
        Clock clock = Clock.systemUTC();
        // overlaps the driver's start (SQLite's native library) with the rest of the set-up
        onLoaderThread(() -> Database.loadDriver(config.storage()));
        BotRuntime.Builder builder = BotRuntime.builder(config)
                .clock(clock)
                .classifier(earlyLoadOrNew())
                .exampleMemory(examples(dev.qunguan.nlp.memory.ExampleMemory.create()))
                .faqMatchers(Wiring::paraphraseMatcher);
        if (config.platforms().onebot().enabled()) {
            builder.adapter(OneBotAdapter.create(config.platforms().onebot(), clock));
        }
        return builder;
    }

    /**
     * Starts loading the classifier before the command line is even parsed (parsing and reading the config
     * take a few hundred milliseconds of start-up that the loader can overlap); the next {@link #runtime}
     * takes this load instead of starting its own.
     */
    static void startLoadingModels() {
        EARLY_LOAD.compareAndSet(null, loadModels());
    }

    private static CompletableFuture<Classifier> earlyLoadOrNew() {
        CompletableFuture<Classifier> early = EARLY_LOAD.getAndSet(null);
        return early != null ? early : loadModels();
    }

    /**
     * Loads the classifier on a thread of its own, overlapping the store's start (migrations); the runtime
     * waits for it before it takes traffic, since every message is classified.
     */
    private static CompletableFuture<Classifier> loadModels() {
        long start = System.nanoTime();
        return CompletableFuture.supplyAsync(ModelClassifier::loadDefault, Wiring::onLoaderThread)
                .thenApply(loaded -> {
                    log.info("Classifier loaded in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    return loaded;
                });
    }

    /**
     * Loads the FAQ matcher's dictionaries (HanLP's segmenter tables and the synonym groups: about a second
     * of CPU) in the background, so that the first question does not pay for them. Called once the
     * service is up: only questions need them, and start-up on two cores is bound by CPU, so loading them
     * before would delay readiness by as much. A question arriving meanwhile waits for them.
     */
    static void warmFaqDictionariesInBackground() {
        onLoaderThread(() -> {
            long start = System.nanoTime();
            paraphraseMatcher(List.of(new FaqDocument("warm-up", "如何参加活动", List.of()))).match("怎么报名");
            log.info("FAQ dictionaries loaded in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        });
    }

    private static void onLoaderThread(Runnable task) {
        Thread.ofPlatform().daemon().name("qunguan-model-loader").start(task);
    }

    /** The nlp-models paraphrase index behind the core FAQ port. */
    private static FaqMatcher paraphraseMatcher(List<FaqDocument> documents) {
        FaqIndex index = FaqIndex.build(documents.stream()
                .map(d -> new dev.qunguan.nlp.faq.FaqDocument(d.id(), d.question(), d.phrasings()))
                .toList());
        return query -> {
            FaqMatch match = index.match(query);
            return match.id().map(id -> FaqHit.of(id, match.score())).orElseGet(() -> FaqHit.none(match.score()));
        };
    }

    /** The nlp-models memory (digits ignored, near-duplicates) behind the core port, one group per chat. */
    private static ExampleMemory examples(dev.qunguan.nlp.memory.ExampleMemory memory) {
        return new ExampleMemory() {
            @Override
            public void remember(ChatRef chat, String text, Label label) {
                memory.remember(chat.key(), text, label);
            }

            @Override
            public Optional<Label> recall(ChatRef chat, String text) {
                return memory.recall(chat.key(), text);
            }
        };
    }
}
