package dev.qunguan.handler.welcome;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
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
import dev.qunguan.store.WelcomeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Greets newcomers. The first join after a quiet spell is greeted at once; joins within the chat's merge
 * window after a greeting wait for a timer and are greeted together, so a raid of fifty joins yields two
 * messages rather than fifty. Waiting members who leave before the greeting are dropped from it. Who
 * waits and when the chat was last greeted live in the {@link WelcomeStore}, so joins arriving on
 * different nodes merge into one greeting, sent by whichever node fires the timer.
 */
public final class WelcomeHandler implements Handler {
    /** The timer purpose this handler asks for and answers. */
    public static final String TIMER = "welcome";

    private final WelcomeStore greetings;

    private WelcomeHandler(WelcomeStore greetings) {
        this.greetings = greetings;
    }

    public static WelcomeHandler of(WelcomeStore greetings) {
        return new WelcomeHandler(Objects.requireNonNull(greetings, "greetings"));
    }

    @Override
    public Reply handle(Chain chain) {
        return switch (chain.event()) {
            case MemberJoined joined -> joined(chain.ctx(), joined);
            case MemberLeft left -> {
                greetings.forget(left.chat(), left.member().id());
                yield chain.proceed();
            }
            case TimerFired timer when timer.purpose().equals(TIMER) -> flush(chain.ctx());
            default -> chain.proceed();
        };
    }

    private Reply joined(EventContext ctx, MemberJoined joined) {
        Duration window = ctx.script().settings().welcomeMergeWindow();
        return switch (greetings.admit(ctx.chat(), joined.member(), joined.id().value(), ctx.now(), window)) {
            case WelcomeStore.Admission.GreetNow now -> greet(ctx, List.of(joined.member()));
            case WelcomeStore.Admission.Wait wait -> {
                ctx.timers().wakeAt(ctx.chat(), TIMER, wait.until());
                yield Reply.none();
            }
            case WelcomeStore.Admission.AlreadyAdmitted repeat -> Reply.none();
        };
    }

    private Reply flush(EventContext ctx) {
        List<UserRef> waiting = greetings.takeWaiting(ctx.chat(), ctx.now());
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
}
