package dev.qunguan.handler.welcome;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.MemberJoined;
import dev.qunguan.event.MemberLeft;
import dev.qunguan.event.TimerFired;
import dev.qunguan.event.UserRef;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.handler.MentionedText;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ChatScript;
import dev.qunguan.script.ChatSettings;
import dev.qunguan.script.ScriptKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Greets newcomers. The first join after a quiet spell is greeted at once; joins within the chat's merge
 * window after a greeting wait for a timer and are greeted together, so a raid of fifty joins yields two
 * messages rather than fifty. Waiting members who leave before the greeting are dropped from it.
 */
public final class WelcomeHandler implements Handler {
    /** The timer purpose this handler asks for and answers. */
    public static final String TIMER = "welcome";

    private final ConcurrentMap<ChatRef, Greetings> chats = new ConcurrentHashMap<>();

    private WelcomeHandler() {}

    public static WelcomeHandler of() {
        return new WelcomeHandler();
    }

    @Override
    public Reply handle(Chain chain) {
        return switch (chain.event()) {
            case MemberJoined joined -> joined(chain.ctx(), joined.member());
            case MemberLeft left -> {
                Greetings greetings = chats.get(left.chat());
                if (greetings != null) {
                    greetings.forget(left.member().id());
                }
                yield chain.proceed();
            }
            case TimerFired timer when timer.purpose().equals(TIMER) -> flush(chain.ctx());
            default -> chain.proceed();
        };
    }

    private Reply joined(EventContext ctx, UserRef member) {
        Greetings greetings = chats.computeIfAbsent(ctx.chat(), chat -> new Greetings());
        Duration window = ctx.script().settings().welcomeMergeWindow();
        Instant now = ctx.now();
        Optional<Instant> wakeAt = greetings.admit(member, now, window);
        if (wakeAt.isPresent()) {
            ctx.timers().wakeAt(ctx.chat(), TIMER, wakeAt.get());
            return Reply.none();
        }
        return greet(ctx, List.of(member));
    }

    private Reply flush(EventContext ctx) {
        Greetings greetings = chats.get(ctx.chat());
        if (greetings == null) {
            return Reply.none();
        }
        List<UserRef> waiting = greetings.drain(ctx.now());
        return waiting.isEmpty() ? Reply.none() : greet(ctx, waiting);
    }

    private static Reply greet(EventContext ctx, List<UserRef> members) {
        ChatScript script = ctx.script();
        ChatSettings settings = script.settings();
        String style = ScriptKeys.WELCOME_STYLES.contains(settings.welcomeStyle())
                ? settings.welcomeStyle()
                : ScriptKeys.WELCOME_STYLES.getFirst();
        List<Segment.Mention> mentions = new ArrayList<>(members.size());
        for (UserRef member : members) {
            mentions.add(new Segment.Mention(member.id(), member.displayName(), false));
        }
        // The script fills {rules_summary} itself when it is left empty.
        Message message;
        if (mentions.size() == 1) {
            message = MentionedText.render(script, "welcome." + style, Map.of(
                    "group", settings.groupName(),
                    "rules_summary", ""), "member", mentions.getFirst());
        } else {
            message = MentionedText.render(script, "welcome-many." + style, Map.of(
                    "count", Integer.toString(mentions.size()),
                    "group", settings.groupName(),
                    "rules_summary", ""), "members", mentions);
        }
        return Reply.of(new SendMessage(ctx.chat(), message));
    }


    /**
     * One chat's greeting state. Events of one chat arrive in order on one thread, but chats run in
     * parallel and a chat may move between threads, so access is synchronized.
     */
    private static final class Greetings {
        private Instant lastGreeting = Instant.MIN;
        private final List<UserRef> waiting = new ArrayList<>();

        /** Records the join; returns when to greet the waiting members, or empty to greet this member now. */
        synchronized Optional<Instant> admit(UserRef member, Instant now, Duration window) {
            Instant quietFrom = lastGreeting.equals(Instant.MIN) ? Instant.MIN : lastGreeting.plus(window);
            if (waiting.isEmpty() && !now.isBefore(quietFrom)) {
                lastGreeting = now;
                return Optional.empty();
            }
            waiting.removeIf(m -> m.id().equals(member.id()));
            waiting.add(member);
            return Optional.of(quietFrom.isAfter(now) ? quietFrom : now);
        }

        synchronized void forget(String userId) {
            waiting.removeIf(m -> m.id().equals(userId));
        }

        synchronized List<UserRef> drain(Instant now) {
            List<UserRef> all = List.copyOf(waiting);
            waiting.clear();
            if (!all.isEmpty()) {
                lastGreeting = now;
            }
            return all;
        }
    }
}
