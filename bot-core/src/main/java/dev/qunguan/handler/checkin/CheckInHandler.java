package dev.qunguan.handler.checkin;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ChatScript;
import dev.qunguan.script.ChatSettings;
import dev.qunguan.store.CheckInResult;
import dev.qunguan.store.CheckInStore;
import dev.qunguan.store.LeaderboardEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Daily check-ins: a trigger word (签到) counts once per member and day in the group's time zone; a theme
 * put before it (读书打卡) keeps a separate tally; leaderboard words (签到排行, 读书签到排行) list the longest
 * streaks and the most days.
 */
public final class CheckInHandler implements Handler {
    private final CheckInStore checkIns;

    private CheckInHandler(CheckInStore checkIns) {
        this.checkIns = checkIns;
    }

    public static CheckInHandler of(CheckInStore checkIns) {
        return new CheckInHandler(Objects.requireNonNull(checkIns, "checkIns"));
    }

    /** What a message asks for: a check-in or a leaderboard, for a theme ("" is the plain tally). */
    private record Request(boolean leaderboard, String theme, String activity) {}

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof MessageReceived message)) {
            return chain.proceed();
        }
        Optional<Request> request = parse(message.text(), chain.ctx().script().settings());
        if (request.isEmpty()) {
            return chain.proceed();
        }
        return request.get().leaderboard()
                ? leaderboard(chain.ctx(), request.get())
                : checkIn(chain.ctx(), message, request.get());
    }

    private Reply checkIn(EventContext ctx, MessageReceived message, Request request) {
        ChatScript script = ctx.script();
        LocalDate today = today(ctx);
        CheckInResult result = checkIns.checkIn(message.chat(), message.sender(), request.theme(), today);
        String member = message.sender().displayName();
        String text = result.accepted()
                ? script.render("checkin.ok", Map.of(
                        "member", member,
                        "activity", request.activity(),
                        "order", Integer.toString(result.orderToday()),
                        "streak", Integer.toString(result.streak()),
                        "total", Integer.toString(result.totalDays())))
                : script.render("checkin.already", Map.of(
                        "member", member,
                        "activity", request.activity(),
                        "streak", Integer.toString(result.streak()),
                        "total", Integer.toString(result.totalDays())));
        return Reply.of(new SendMessage(message.chat(),
                Message.of(new Segment.Quote(message.ref().id()), new Segment.Text(text))));
    }

    private Reply leaderboard(EventContext ctx, Request request) {
        ChatScript script = ctx.script();
        ChatSettings settings = script.settings();
        int size = settings.leaderboardSize();
        List<LeaderboardEntry> byStreak = checkIns.topByStreak(ctx.chat(), request.theme(), today(ctx), size);
        List<LeaderboardEntry> byTotal = checkIns.topByTotal(ctx.chat(), request.theme(), size);
        String text;
        if (byStreak.isEmpty() && byTotal.isEmpty()) {
            text = script.render("checkin.leaderboard.empty", Map.of(
                    "activity", request.activity(),
                    "group", settings.groupName()));
        } else {
            text = script.render("checkin.leaderboard", Map.of(
                    "activity", request.activity(),
                    "group", settings.groupName(),
                    "by_streak", lines(script, byStreak),
                    "by_total", lines(script, byTotal)));
        }
        return Reply.of(new SendMessage(ctx.chat(), Message.text(text)));
    }

    private static String lines(ChatScript script, List<LeaderboardEntry> entries) {
        StringBuilder lines = new StringBuilder();
        int rank = 1;
        for (LeaderboardEntry entry : entries) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(script.render("checkin.leaderboard.line", Map.of(
                    "rank", Integer.toString(rank++),
                    "member", entry.displayName(),
                    "value", Integer.toString(entry.value()))));
        }
        return lines.toString();
    }

    private static LocalDate today(EventContext ctx) {
        return LocalDate.ofInstant(ctx.now(), ctx.script().settings().timeZone());
    }

    /** Exact matches only, so that 签到 inside a sentence is ordinary chat. */
    static Optional<Request> parse(String text, ChatSettings settings) {
        String typed = text.strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        for (String trigger : settings.checkInTriggers()) {
            if (typed.equals(trigger)) {
                return Optional.of(new Request(false, "", typed));
            }
        }
        for (String trigger : settings.leaderboardTriggers()) {
            if (typed.equals(trigger)) {
                return Optional.of(new Request(true, "", leaderboardActivity("", trigger, settings)));
            }
        }
        for (String theme : settings.checkInThemes()) {
            if (theme.isEmpty() || !typed.startsWith(theme)) {
                continue;
            }
            String rest = typed.substring(theme.length());
            if (settings.checkInTriggers().contains(rest)) {
                return Optional.of(new Request(false, theme, typed));
            }
            if (settings.leaderboardTriggers().contains(rest)) {
                return Optional.of(new Request(true, theme, leaderboardActivity(theme, rest, settings)));
            }
        }
        return Optional.empty();
    }

    /** 签到排行 ranks the 签到 tally, so the activity is the check-in word the leaderboard word starts with. */
    private static String leaderboardActivity(String theme, String leaderboardTrigger, ChatSettings settings) {
        for (String trigger : settings.checkInTriggers()) {
            if (leaderboardTrigger.startsWith(trigger)) {
                return theme + trigger;
            }
        }
        return theme + leaderboardTrigger;
    }
}
