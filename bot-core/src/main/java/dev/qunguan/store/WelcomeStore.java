package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each chat's greeting state: when newcomers were last greeted and who waits for the merged greeting.
 * Every operation on one chat is atomic across the nodes sharing the database, so two joins arriving on
 * two nodes at once never both count as the first after a quiet spell.
 */
public interface WelcomeStore {
    /**
     * Records a join. The member is to be greeted at once (empty; the chat's last greeting becomes
     * {@code now}) when nobody waits and the last greeting is at least {@code quietWindow} ago; otherwise
     * they join the waiting members (at the end, if they were already waiting) and the answer is when to
     * greet those: the end of the quiet window, or now when it has passed.
     */
    Optional<Instant> admit(ChatRef chat, UserRef member, Instant now, Duration quietWindow);

    /** Drops a member who left from the waiting members. */
    void forget(ChatRef chat, String userId);

    /**
     * Takes the waiting members in the order they joined; when there were any, the chat's last greeting
     * becomes {@code now}.
     */
    List<UserRef> takeWaiting(ChatRef chat, Instant now);
}
