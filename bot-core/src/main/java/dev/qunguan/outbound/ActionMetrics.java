package dev.qunguan.outbound;

import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.SendMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts what became of each action, by platform, kind and outcome. */
final class ActionMetrics {
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String DROPPED = "dropped";
    static final String UNROUTABLE = "unroutable";
    /** A failed attempt that will be tried again later. */
    static final String RETRIED = "retried";
    /** Given up: refused for good, too old or out of attempts. */
    static final String DEAD = "dead";

    private final MeterRegistry registry;

    ActionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void counted(Action action, String outcome) {
        Counter.builder("qunguan.actions")
                .description("Actions handed to platform adapters, by outcome")
                .tag("platform", action.chat().platform())
                .tag("action", kind(action))
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void merged(String platform, int messages) {
        Counter.builder("qunguan.outbound.merged.messages")
                .description("Held messages folded into a combined message because a chat's budget was used up")
                .tag("platform", platform)
                .register(registry)
                .increment(messages);
    }

    static String kind(Action action) {
        return switch (action) {
            case SendMessage send -> "send_message";
            case DeleteMessage delete -> "delete_message";
            case MuteMember mute -> "mute_member";
            case RemoveMember remove -> "remove_member";
        };
    }
}
