package dev.qunguan.handler;

import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.handler.admin.AdminHandler;
import dev.qunguan.handler.checkin.CheckInHandler;
import dev.qunguan.handler.dedupe.DedupeHandler;
import dev.qunguan.handler.faq.FaqHandler;
import dev.qunguan.handler.faq.FaqLibrary;
import dev.qunguan.handler.intro.IntroHandler;
import dev.qunguan.handler.moderation.FloodHandler;
import dev.qunguan.handler.moderation.ModerationHandler;
import dev.qunguan.handler.moderation.WarningLadder;
import dev.qunguan.handler.recent.RecentMessages;
import dev.qunguan.handler.recent.RecentMessagesHandler;
import dev.qunguan.handler.rules.RulesHandler;
import dev.qunguan.handler.welcome.WelcomeHandler;
import dev.qunguan.store.LabelledExample;
import dev.qunguan.store.Stores;
import java.util.List;

/**
 * The bot's features in their one order. Each call builds fresh handlers (some keep per-chat state)
 * and replays the stored labelled examples into the parts' example memory, so admins' corrections survive
 * a restart whichever memory is plugged in.
 */
public final class StandardPipeline {
    private StandardPipeline() {}

    public static HandlerPipeline of(PipelineParts parts) {
        Stores stores = parts.stores();
        ExampleMemory examples = parts.examples();
        for (LabelledExample example : stores.examples().all()) {
            examples.remember(example.chat(), example.text(), example.label());
        }
        WarningLadder ladder = WarningLadder.of(stores.warnings());
        RecentMessages recent = RecentMessages.create();
        Verdicts verdicts = Verdicts.of(parts.classifier(), examples);
        FaqLibrary faq = FaqLibrary.of(stores.faq(), parts.faqMatchers());
        // The order matters: duplicates stop first; every message is noted before anything may reply to it;
        // admin commands before moderation so admins' words are commands; flood control before the classifier
        // so a flood costs no classification; moderation before the features so
        // an ad is never checked in or answered.
        List<Handler> order = List.of(
                DedupeHandler.of(stores.deliveries()),
                RecentMessagesHandler.of(recent),
                IntroHandler.of(stores.chatMarks()),
                AdminHandler.of(ladder, stores, parts.scripts(), faq, recent, examples),
                FloodHandler.create(),
                ModerationHandler.of(verdicts, ladder, stores.memberHistory(), recent),
                RulesHandler.of(),
                CheckInHandler.of(stores.checkIns()),
                WelcomeHandler.of(stores.welcomes()),
                FaqHandler.of(faq, verdicts, stores.faqHits(), stores.unanswered()));
        return HandlerPipeline.of(order);
    }
}
