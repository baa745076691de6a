package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Each chat's greeting state: when newcomers were last greeted and who waits for the merged greeting.
 * Every operation on one chat is atomic across the nodes sharing the database, so two joins arriving on
 * two nodes at once never both count as the first after a quiet spell.
 */
public interface WelcomeStore {
    /** What became of a join. */
    sealed interface Admission {
        /** Greet the member now; the chat's last greeting became {@code now}. */
        record GreetNow() implements Admission {}

        /** The member waits for the merged greeting, due at {@code until}. */
        record Wait(Instant until) implements Admission {
            public Wait {
                Objects.requireNonNull(until, "until");
            }
        }

        /**
         * This very join was handled before (a redelivery after a node died half-way) and the merged
         * greeting has named the member since: nothing to do.
         */
        record AlreadyAdmitted() implements Admission {}
    }

    /**
     * Records a join, identified by {@code joinKey} (its event id) so a join handled twice is admitted
     * once: handled again, it gets the first answer back, unless the merged greeting has named the member
     * since. The member is to be greeted at once when nobody waits and the last greeting is at least
     * {@code quietWindow} ago; otherwise they join the waiting members (at the end, if they were already
     * waiting) and the answer is when to greet those: the end of the quiet window, or now when it has
     * passed.
     */
    Admission admit(ChatRef chat, UserRef member, String joinKey, Instant now, Duration quietWindow);

    /** Drops a member who left from the waiting members. */
    void forget(ChatRef chat, String userId);

    /**
     * Takes the waiting members in the order they joined; when there were any, the chat's last greeting
     * becomes {@code now}.
     */
    List<UserRef> takeWaiting(ChatRef chat, Instant now);
}
