package dev.qunguan.handler;

import dev.qunguan.action.Reply;
import dev.qunguan.event.Event;
import dev.qunguan.script.ScriptBook;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Runs one event through the pipeline with its chat's context: the chat's current script, the clock,
 * the configured bot admins and the timers. Thread-safe; callers keep each chat's events in order.
 */
public final class EventProcessor {
    private final HandlerPipeline pipeline;
    private final ScriptBook scripts;
    private final Clock clock;
    private final Set<String> botAdmins;
    private final Timers timers;

    private EventProcessor(HandlerPipeline pipeline, ScriptBook scripts, Clock clock, Set<String> botAdmins,
            Timers timers) {
        this.pipeline = pipeline;
        this.scripts = scripts;
        this.clock = clock;
        this.botAdmins = Set.copyOf(botAdmins);
        this.timers = timers;
    }

    public static EventProcessor of(HandlerPipeline pipeline, ScriptBook scripts, Clock clock,
            Set<String> botAdmins, Timers timers) {
        return new EventProcessor(
                Objects.requireNonNull(pipeline, "pipeline"),
                Objects.requireNonNull(scripts, "scripts"),
                Objects.requireNonNull(clock, "clock"),
                botAdmins,
                Objects.requireNonNull(timers, "timers"));
    }

    public Reply process(Event event) {
        EventContext ctx = new EventContext(
                event.id(), event.chat(), clock, scripts.forChat(event.chat()), botAdmins, timers);
        return pipeline.handle(event, ctx);
    }
}
