package dev.qunguan.app;

import dev.qunguan.adapters.onebot.OneBotAdapter;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.nlp.rules.RuleClassifier;
import dev.qunguan.runtime.BotRuntime;
import java.time.Clock;

/** Which adapters and models a configuration turns into. */
final class Wiring {
    private Wiring() {}

    static BotRuntime.Builder runtime(QunguanConfig config) {
        Clock clock = Clock.systemUTC();
        BotRuntime.Builder builder = BotRuntime.builder(config).clock(clock).classifier(RuleClassifier.create());
        if (config.platforms().onebot().enabled()) {
            builder.adapter(OneBotAdapter.create(config.platforms().onebot(), clock));
        }
        return builder;
    }
}
