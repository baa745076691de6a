package dev.qunguan.handler;

import dev.qunguan.action.Reply;
import dev.qunguan.event.Event;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs handlers in the one declared order. A handler that throws is logged with the event id and chat
 * and skipped, so one broken feature cannot silence the others.
 */
public final class HandlerPipeline {
    private static final Logger log = LoggerFactory.getLogger(HandlerPipeline.class);

    private final List<Handler> handlers;

    private HandlerPipeline(List<Handler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    public static HandlerPipeline of(List<Handler> handlers) {
        return new HandlerPipeline(handlers);
    }

    public Reply handle(Event event, EventContext ctx) {
        return new Position(event, ctx, 0).proceed();
    }

    private final class Position implements Handler.Chain {
        private final Event event;
        private final EventContext ctx;
        private final int index;

        Position(Event event, EventContext ctx, int index) {
            this.event = event;
            this.ctx = ctx;
            this.index = index;
        }

        @Override
        public Event event() {
            return event;
        }

        @Override
        public EventContext ctx() {
            return ctx;
        }

        @Override
        public Reply proceed() {
            if (index >= handlers.size()) {
                return Reply.none();
            }
            Handler handler = handlers.get(index);
            Position next = new Position(event, ctx, index + 1);
            try {
                return handler.handle(next);
            } catch (RuntimeException e) {
                log.error("handler {} failed on event {} in chat {}", handler.getClass().getSimpleName(),
                        event.id(), event.chat(), e);
                return next.proceed();
            }
        }
    }
}
