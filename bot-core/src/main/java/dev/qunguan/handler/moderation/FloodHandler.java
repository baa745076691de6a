package dev.qunguan.handler.moderation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.UserRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.handler.MentionedText;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ModerationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flood control: a member who sends more than the group's {@code flood-messages} within {@code flood-window}
 * (by the events' time) is muted for {@code flood-mute} and told why, once per burst; the message that
 * tipped it goes no further down the chain. Admins are exempt. Counts live in memory only, bounded.
 */
public final class FloodHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(FloodHandler.class);
    static final int MEMBERS = 50_000;
    /** Longer than any window a script may set, so a member's count is never forgotten mid-window. */
    static final Duration IDLE = Duration.ofMinutes(15);

    // cache upkeep runs on the caller: waking the common pool for it cost more than the upkeep
    private final Cache<MemberKey, MessageTimes> members =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(MEMBERS).expireAfterAccess(IDLE).build();

    private record MemberKey(ChatRef chat, String userId) {}

    private FloodHandler() {}

    public static FloodHandler create() {
        return new FloodHandler();
    }

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof MessageReceived message)) {
            return chain.proceed();
        }
        EventContext ctx = chain.ctx();
        ModerationSettings settings = ctx.script().settings().moderation();
        if (!settings.floodControl() || ctx.isAdmin(message.sender())) {
            return chain.proceed();
        }
        UserRef sender = message.sender();
        MessageTimes times = members.get(new MemberKey(message.chat(), sender.id()), key -> new MessageTimes());
        Integer burst = times.note(ctx.now(), settings.floodMessages(), settings.floodWindow());
        if (burst == null) {
            return chain.proceed();
        }
        log.info("member {} flooded chat {}: {} messages within {}, muting for {}", sender.id(), message.chat(),
                burst, settings.floodWindow(), settings.floodMute());
        Segment.Mention mention = new Segment.Mention(sender.id(), sender.displayName(), false);
        Duration mute = settings.floodMute();
        return Reply.of(
                new MuteMember(message.chat(), sender.id(), mute),
                new SendMessage(message.chat(), MentionedText.render(ctx.script(), "moderation.flood", Map.of(
                        "count", Integer.toString(burst),
                        "seconds", Long.toString(settings.floodWindow().toSeconds()),
                        // Rounded up so a mute shorter than a minute never reads as zero minutes.
                        "minutes", Long.toString((mute.toSeconds() + 59) / 60)), "member", mention)));
    }

    /**
     * One member's recent message times in one chat (epoch milliseconds in a ring, oldest first), and the
     * end of the burst they were last muted for. Primitive times keep the 50,000 members this holds small.
     */
    private static final class MessageTimes {
        private long[] times = new long[4];
        private int oldest;
        private int count;
        private long burstEnds = Long.MIN_VALUE;

        /**
         * Counts a message at {@code now}; returns the number of messages in the window when this one exceeds
         * the limit and starts a new burst, else null. Messages within a burst already acted on are not
         * counted, so one burst brings one mute.
         */
        synchronized @Nullable Integer note(Instant now, int limit, Duration window) {
            long at = now.toEpochMilli();
            if (at < burstEnds) {
                return null;
            }
            long windowStart = at - window.toMillis();
            while (count > 0 && times[oldest] <= windowStart) {
                oldest = (oldest + 1) % times.length;
                count--;
            }
            append(at);
            if (count <= limit) {
                return null;
            }
            int burst = count;
            count = 0;
            burstEnds = at + window.toMillis();
            return burst;
        }

        private void append(long at) {
            if (count == times.length) {
                long[] larger = new long[times.length * 2];
                for (int i = 0; i < count; i++) {
                    larger[i] = times[(oldest + i) % times.length];
                }
                times = larger;
                oldest = 0;
            }
            times[(oldest + count) % times.length] = at;
            count++;
        }
    }
}
