package dev.qunguan.store;

import java.util.Objects;

/** All storage ports over one database. */
public record Stores(
        CheckInStore checkIns,
        WarningStore warnings,
        FaqStore faq,
        ScriptOverrideStore scriptOverrides,
        DeliveryLog deliveries,
        ChatMarks chatMarks,
        MemberHistoryStore memberHistory,
        ExampleStore examples,
        UnansweredStore unanswered,
        FaqHitStore faqHits,
        OutboxStore outbox,
        WelcomeStore welcomes,
        TimerStore timers) {
    public Stores {
        Objects.requireNonNull(checkIns, "checkIns");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(faq, "faq");
        Objects.requireNonNull(scriptOverrides, "scriptOverrides");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(chatMarks, "chatMarks");
        Objects.requireNonNull(memberHistory, "memberHistory");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(unanswered, "unanswered");
        Objects.requireNonNull(faqHits, "faqHits");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(welcomes, "welcomes");
        Objects.requireNonNull(timers, "timers");
    }
}
