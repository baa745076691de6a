package dev.qunguan.adapter;

import dev.qunguan.event.Event;
import java.util.List;
import java.util.Objects;

/** What a route made of a raw request. */
public sealed interface Inbound {

    /** The request is refused (bad signature 401, malformed 400...); nothing is processed. */
    record Rejected(WebhookResponse response) implements Inbound {
        public Rejected {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The request is valid but carries nothing to process (heartbeat, URL check, unknown type → 204). */
    record Answered(WebhookResponse response) implements Inbound {
        public Answered {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Events to process. {@code context} is the route's own note for {@link WebhookRoute#acknowledge}
     * (for example the raw event a quick-operation answer refers to); the server never looks inside it.
     */
    record Accepted(List<Event> events, Object context) implements Inbound {
        public Accepted {
            events = List.copyOf(events);
            Objects.requireNonNull(context, "context");
        }
    }
}
