package dev.qunguan.adapters.console;

import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.adapter.PlatformAdapter;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.config.DurationText;
import dev.qunguan.event.BotAddedToChat;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.Event;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MemberJoined;
import dev.qunguan.event.MemberLeft;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.event.Role;
import dev.qunguan.event.UserRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A group chat in the terminal. {@code /as NAME} switches the speaker ({@code /as admin} and
 * {@code /as owner} speak with those roles), {@code /join NAME} and {@code /leave NAME} change the
 * membership, {@code /reply N text} quotes message #N (the prompt shows the next message's number),
 * {@code /quit} ends; any other line is a message. {@code @NAME} in a message mentions a
 * member the chat has seen.
 */
public final class ConsoleChat {
    public static final String PLATFORM = "console";
    private static final Pattern MENTION = Pattern.compile("@(\\S+)");
    /** {@code /reply 7 text}: a message quoting message #7, as replying does in a chat app. */
    private static final Pattern REPLY = Pattern.compile("/reply\\s+#?(\\d+)\\s+(.+)", Pattern.DOTALL);

    private final ChatRef chat;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, UserRef> members = new LinkedHashMap<>();
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final AtomicLong nextEventId = new AtomicLong(1);
    private final String help;
    private Function<Event, CompletionStage<Reply>> bot = event -> CompletableFuture.completedFuture(Reply.none());
    private UserRef speaker;

    public ConsoleChat(String groupId, PrintStream out, Clock clock) {
        this.chat = ChatRef.of(PLATFORM, groupId);
        this.out = out;
        this.clock = clock;
        this.help = resource("console-help.txt");
        this.speaker = member("小明", Role.MEMBER);
    }

    /** Where typed events go; the answer's actions are printed in order. */
    public void attach(Function<Event, CompletionStage<Reply>> bot) {
        this.bot = bot;
    }

    /** The platform side: actions the bot takes later (such as a merged welcome) print as they come. */
    public PlatformAdapter adapter() {
        return new PlatformAdapter() {
            @Override
            public String platform() {
                return PLATFORM;
            }

            @Override
            public List<WebhookRoute> routes() {
                return List.of();
            }

            @Override
            public CompletionStage<Void> perform(Action action) {
                print(action);
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    public void printBanner() {
        out.print(help);
        deliver(new BotAddedToChat(nextEventId(), chat, clock.instant()));
    }

    public void prompt() {
        out.print("[" + speaker.displayName() + " #" + nextMessageId.get() + "] > ");
        out.flush();
    }

    public void finish() {
        out.println();
    }

    /** Handles one typed line; false when the user asked to quit. */
    public boolean handle(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return true;
        }
        if (text.equals("/quit") || text.equals("/exit")) {
            return false;
        }
        if (text.startsWith("/as ")) {
            String name = text.substring(4).strip();
            Role role = switch (name) {
                case "admin", "管理员" -> Role.ADMIN;
                case "owner", "群主" -> Role.OWNER;
                default -> Role.MEMBER;
            };
            speaker = member(name, role);
            return true;
        }
        if (text.startsWith("/join ")) {
            UserRef joiner = member(text.substring(6).strip(), Role.MEMBER);
            deliver(new MemberJoined(nextEventId(), chat, joiner, clock.instant()));
            return true;
        }
        if (text.startsWith("/leave ")) {
            UserRef leaver = member(text.substring(7).strip(), Role.MEMBER);
            deliver(new MemberLeft(nextEventId(), chat, leaver, false, clock.instant()));
            return true;
        }
        if (text.equals("/simhelp")) {
            out.print(help);
            return true;
        }
        Message message;
        Matcher reply = REPLY.matcher(text);
        if (reply.matches()) {
            message = parse(reply.group(2)).prepend(new Segment.Quote(reply.group(1)));
        } else {
            message = parse(text);
        }
        MessageRef ref = MessageRef.of(Long.toString(nextMessageId.getAndIncrement()));
        deliver(new MessageReceived(nextEventId(), chat, speaker, ref, message, clock.instant()));
        return true;
    }

    private void deliver(Event event) {
        Reply reply = bot.apply(event).toCompletableFuture().join();
        reply.actions().forEach(this::print);
    }

    private Message parse(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        int last = 0;
        while (m.find()) {
            UserRef mentioned = members.get(m.group(1));
            if (mentioned == null) {
                continue;
            }
            if (m.start() > last) {
                segments.add(new Segment.Text(text.substring(last, m.start())));
            }
            segments.add(new Segment.Mention(mentioned.id(), mentioned.displayName(), false));
            last = m.end();
        }
        if (last < text.length()) {
            segments.add(new Segment.Text(text.substring(last)));
        }
        return new Message(segments);
    }

    private UserRef member(String name, Role role) {
        UserRef existing = members.get(name);
        if (existing != null && existing.role() == role) {
            return existing;
        }
        String id = existing != null ? existing.id() : Integer.toString(10_000 + members.size() + 1);
        UserRef user = new UserRef(id, name, role);
        members.put(name, user);
        return user;
    }

    private String nameOf(String userId) {
        return members.values().stream().filter(u -> u.id().equals(userId)).map(UserRef::displayName)
                .findFirst().orElse(userId);
    }

    private synchronized void print(Action action) {
        String line = switch (action) {
            case SendMessage send -> render(send.message());
            case DeleteMessage delete -> "[deleted message #" + delete.message().id() + "]";
            case MuteMember mute -> mute.duration().isZero() ? "[unmuted " + nameOf(mute.userId()) + "]"
                    : "[muted " + nameOf(mute.userId()) + " for " + DurationText.format(mute.duration()) + "]";
            case RemoveMember remove -> "[removed " + nameOf(remove.userId()) + " from the group]";
        };
        out.println("🤖 " + line.replace("\n", "\n   "));
        out.flush();
    }

    private String render(Message message) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : message.segments()) {
            switch (segment) {
                case Segment.Text t -> text.append(t.text());
                case Segment.Mention m -> text.append('@').append(m.displayName().isBlank() ? nameOf(m.userId())
                        : m.displayName());
                case Segment.MentionAll all -> text.append("@all");
                case Segment.Quote q -> text.append("↪#").append(q.messageId()).append(' ');
                case Segment.Image i -> text.append("[image]");
            }
        }
        return text.toString().strip();
    }

    private EventId nextEventId() {
        return EventId.of(PLATFORM + ":" + chat.chatId() + ":" + nextEventId.getAndIncrement() + ":" + clock.millis());
    }

    private static String resource(String name) {
        try (InputStream in = ConsoleChat.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the adapters jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
