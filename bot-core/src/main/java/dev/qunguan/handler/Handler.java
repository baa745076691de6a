package dev.qunguan.handler;

import dev.qunguan.action.Reply;
import dev.qunguan.event.Event;

/**
 * One feature of the bot. A handler looks at the event and either answers it with a {@link Reply} or
 * passes it on with {@link Chain#proceed()}. Handlers never talk to platforms: they return actions.
 */
@FunctionalInterface
public interface Handler {
    Reply handle(Chain chain);

    /** The rest of the pipeline, as seen from one handler. */
    interface Chain {
        Event event();

        EventContext ctx();

        /** Runs the remaining handlers on the same event. */
        Reply proceed();
    }
}
