package dev.qunguan.app;

import dev.qunguan.adapters.onebot.OneBotAdapter;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Which adapters and models a configuration turns into. */
final class Wiring {
    private Wiring() {}

    static BotRuntime.Builder runtime(QunguanConfig config) {
        Clock clock = Clock.systemUTC();
        BotRuntime.Builder builder = BotRuntime.builder(config)
                .clock(clock)
                .classifier(ModelClassifier.loadDefault())
                .exampleMemory(examples(dev.qunguan.nlp.memory.ExampleMemory.create()))
                .faqMatchers(Wiring::paraphraseMatcher);
        if (config.platforms().onebot().enabled()) {
            builder.adapter(OneBotAdapter.create(config.platforms().onebot(), clock));
        }
        return builder;
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
