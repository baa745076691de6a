package dev.qunguan.handler.moderation;

import dev.qunguan.action.MuteMember;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.UserRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.handler.MentionedText;
import dev.qunguan.slots.ChatSlots;
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
 * tipped it goes no further down the chain. Admins are exempt. Counts live in memory only, for a bounded
 * number of members.
 */
public final class FloodHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(FloodHandler.class);
    /** Members whose recent message times are held; one forgotten early only starts counting again. */
    static final int MEMBERS = 65_536;

    // Per member, by slot: recent message times (epoch millis in a ring, oldest first: ring, oldest, count)
    // and the end of the burst they were last muted for. Columns rather than an object per member keep the
    // members this holds small for the collector.
    private final ChatSlots slots = ChatSlots.holding(MEMBERS);
    private final long[][] rings = new long[slots.capacity()][];
    private final int[] oldest = new int[slots.capacity()];
    private final int[] count = new int[slots.capacity()];
    private final long[] burstEnds = new long[slots.capacity()];

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
        Integer burst = note(ChatSlots.keyOf(message.chat(), sender.id()), ctx.now(), settings.floodMessages(),
                settings.floodWindow());
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
     * Counts the member's message at {@code now}; returns the number of messages in the window when this one
     * exceeds the limit and starts a new burst, else null. Messages within a burst already acted on are not
     * counted, so one burst brings one mute.
     */
    private @Nullable Integer note(long member, Instant now, int limit, Duration window) {
        long at = now.toEpochMilli();
        synchronized (slots.lockFor(member)) {
            int slot = slots.claim(member);
            if (slot < 0) {
                slot = ~slot;
                oldest[slot] = 0;
                count[slot] = 0;
                burstEnds[slot] = Long.MIN_VALUE;
                if (rings[slot] == null) {
                    rings[slot] = new long[4];
                }
            }
            if (at < burstEnds[slot]) {
                return null;
            }
            long[] times = rings[slot];
            long windowStart = at - window.toMillis();
            while (count[slot] > 0 && times[oldest[slot]] <= windowStart) {
                oldest[slot] = (oldest[slot] + 1) % times.length;
                count[slot]--;
            }
            append(slot, at);
            if (count[slot] <= limit) {
                return null;
            }
            int burst = count[slot];
            count[slot] = 0;
            burstEnds[slot] = at + window.toMillis();
            return burst;
        }
    }

    private void append(int slot, long at) {
        long[] times = rings[slot];
        int held = count[slot];
        if (held == times.length) {
            long[] larger = new long[times.length * 2];
            for (int i = 0; i < held; i++) {
                larger[i] = times[(oldest[slot] + i) % times.length];
            }
            rings[slot] = times = larger;
            oldest[slot] = 0;
        }
        times[(oldest[slot] + held) % times.length] = at;
        count[slot] = held + 1;
    }
}
