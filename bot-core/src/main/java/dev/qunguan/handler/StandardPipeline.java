package dev.qunguan.handler;

import dev.qunguan.handler.admin.AdminHandler;
import dev.qunguan.handler.checkin.CheckInHandler;
import dev.qunguan.handler.dedupe.DedupeHandler;
import dev.qunguan.handler.faq.FaqHandler;
import dev.qunguan.handler.intro.IntroHandler;
import dev.qunguan.handler.moderation.ModerationHandler;
import dev.qunguan.handler.moderation.WarningLadder;
import dev.qunguan.handler.rules.RulesHandler;
import dev.qunguan.handler.welcome.WelcomeHandler;
import dev.qunguan.store.Stores;
import java.util.List;

/** The bot's features in their one order. Each call builds fresh handlers (welcome keeps per-chat state). */
public final class StandardPipeline {
    private StandardPipeline() {}

    public static HandlerPipeline of(PipelineParts parts) {
        Stores stores = parts.stores();
        WarningLadder ladder = WarningLadder.of(stores.warnings());
        // The order matters: duplicates stop first, admin commands before moderation so admins' words are
        // commands, moderation before the features so an ad is never checked in or answered.
        List<Handler> order = List.of(
                DedupeHandler.of(stores.deliveries()),
                IntroHandler.of(stores.chatMarks()),
                AdminHandler.of(ladder, stores.faq(), stores.scriptOverrides(), parts.scripts()),
                ModerationHandler.of(parts.classifier(), ladder),
                RulesHandler.of(),
                CheckInHandler.of(stores.checkIns()),
                WelcomeHandler.of(),
                FaqHandler.of(stores.faq()));
        return HandlerPipeline.of(order);
    }
}
