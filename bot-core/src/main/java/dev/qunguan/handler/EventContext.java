package dev.qunguan.handler;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.EventId;
import dev.qunguan.event.UserRef;
import dev.qunguan.script.ChatScript;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a handler may know besides the event: the id of the event being handled (the key under which its
 * stored effects are recorded once), the clock, the chat's effective reply script, who the
 * configured bot admins are (in addition to the platform's owners and admins), and a way to ask for a
 * later wake-up.
 */
public record EventContext(EventId eventId, ChatRef chat, Clock clock, ChatScript script, Set<String> botAdmins,
        Timers timers) {
    public EventContext {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(script, "script");
        botAdmins = Set.copyOf(botAdmins);
        Objects.requireNonNull(timers, "timers");
    }

    public Instant now() {
        return clock.instant();
    }

    /** Owners, admins and configured bot admins may use admin commands and are never moderated. */
    public boolean isAdmin(UserRef user) {
        return user.role().isAdmin() || botAdmins.contains(user.id())
                || botAdmins.contains(chat.platform() + ":" + user.id());
    }
}
