package dev.qunguan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.action.Action;
import dev.qunguan.action.DeleteMessage;
import dev.qunguan.action.MuteMember;
import dev.qunguan.action.RemoveMember;
import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.ExampleMemory;
import dev.qunguan.classify.Label;
import dev.qunguan.event.BotAddedToChat;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.Event;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MemberJoined;
import dev.qunguan.event.MemberLeft;
import dev.qunguan.event.MessageRecalled;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.event.Role;
import dev.qunguan.event.TimerFired;
import dev.qunguan.event.UserRef;
import dev.qunguan.faq.FaqMatcherFactory;
import dev.qunguan.handler.EventProcessor;
import dev.qunguan.handler.PipelineParts;
import dev.qunguan.handler.StandardPipeline;
import dev.qunguan.handler.Timers;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ChatScript;
import dev.qunguan.script.ReloadingScriptBook;
import dev.qunguan.script.ScriptBooks;
import dev.qunguan.script.ScriptEditing;
import dev.qunguan.store.Database;
import dev.qunguan.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Drives one group chat through the standard pipeline over a real SQLite file and the real reply
 * scripts, with a clock the test moves. Members are named, not numbered:
 * {@code tester.as("小明").says("签到").shouldReplyContaining("第1位")}; {@code @小红} inside a text
 * becomes a mention of 小红.
 */
public final class ChatTester implements AutoCloseable {
    /** 2025-03-10 09:00 in Shanghai: a Monday morning, far from any day boundary. */
    public static final Instant DEFAULT_START = Instant.parse("2025-03-10T01:00:00Z");
    /** Never an ad or abuse; tests that need moderation pass their own classifier. */
    public static final Classifier HARMLESS =
            text -> Classification.certain(Label.NORMAL, List.of());

    private static final Pattern MENTION = Pattern.compile("@(\\S+)");

    private final Path dataDir;
    private final Path scriptsDir;
    private final String locale;
    private final Classifier classifier;
    private final FaqMatcherFactory faqMatchers;
    private final Set<String> botAdmins;
    private final ChatRef chat;
    private final MutableClock clock;
    private final RecordingTimers timers = new RecordingTimers();
    private final Map<String, UserRef> members = new HashMap<>();
    private int nextEvent = 1;

    private Database database;
    private ReloadingScriptBook scripts;
    private EventProcessor processor;

    private ChatTester(Builder builder) {
        this.dataDir = builder.dataDir;
        this.scriptsDir = builder.scriptsDir != null ? builder.scriptsDir : dataDir.resolve("reply-scripts");
        this.locale = builder.locale;
        this.classifier = builder.classifier;
        this.faqMatchers = builder.faqMatchers;
        this.botAdmins = Set.copyOf(builder.botAdmins);
        this.chat = builder.chat;
        this.clock = MutableClock.at(builder.start);
        open();
    }

    /** A tester over a database in {@code dataDir} (a JUnit {@code @TempDir}), default zh-CN scripts. */
    public static ChatTester create(Path dataDir) {
        return builder(dataDir).build();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    private void open() {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = Database.open(TestStorage.forDirectory(dataDir), clock);
        scripts = ScriptBooks.fromDirectory(scriptsDir, locale, database.stores().scriptOverrides(), clock);
        ReloadingScriptBook book = scripts;
        ScriptEditing editing = book;
        processor = EventProcessor.of(
                StandardPipeline.of(new PipelineParts(database.stores(), classifier, editing,
                        ExampleMemory.nearDuplicates(), faqMatchers)),
                scripts, clock, botAdmins, timers);
    }

    // ---- who speaks -------------------------------------------------------------------------------

    /** An ordinary member. */
    public Speaker as(String name) {
        return new Speaker(member(name, Role.MEMBER));
    }

    /** A group admin. */
    public Speaker asAdmin(String name) {
        return new Speaker(member(name, Role.ADMIN));
    }

    /** The group owner. */
    public Speaker asOwner(String name) {
        return new Speaker(member(name, Role.OWNER));
    }

    /** The member named so, as the platform would describe them (ids are stable per name). */
    public UserRef member(String name, Role role) {
        UserRef known = members.computeIfAbsent(name, n -> new UserRef("u" + (members.size() + 1), n, role));
        return known.role() == role ? known : new UserRef(known.id(), name, role);
    }

    // ---- what happens -----------------------------------------------------------------------------

    public Said join(String name) {
        return deliver(new MemberJoined(nextId(), chat, member(name, Role.MEMBER), clock.instant()));
    }

    public Said leave(String name) {
        return deliver(new MemberLeft(nextId(), chat, member(name, Role.MEMBER), false, clock.instant()));
    }

    public Said botAdded() {
        return deliver(new BotAddedToChat(nextId(), chat, clock.instant()));
    }

    public Said recall(String messageId, String authorName) {
        UserRef author = member(authorName, Role.MEMBER);
        return deliver(new MessageRecalled(nextId(), chat, MessageRef.of(messageId), author.id(), author.id(),
                clock.instant()));
    }

    /** Delivers any event as a platform would; deliver the same event twice to test duplicates. */
    public Said deliver(Event event) {
        String messageId = event instanceof MessageReceived message ? message.ref().id() : null;
        return new Said(processor.process(event), messageId);
    }

    /** Moves the clock and delivers the timers that fell due, in time order; their replies together. */
    public Said advance(Duration duration) {
        clock.advance(duration);
        Reply all = Reply.none();
        for (RecordingTimers.Due due : timers.takeDue(clock.instant())) {
            all = all.and(processor.process(new TimerFired(nextId(), due.chat(), due.purpose(), clock.instant())));
        }
        return new Said(all, null);
    }

    /** Closes the database and opens it again on the same file, like a process restart (memory is lost). */
    public void restart() {
        database.close();
        timers.clear();
        open();
    }

    /** The storage ports over the tester's database, for what chat does not show (such as exports). */
    public Stores stores() {
        return database.stores();
    }

    /** The chat's script as in force now, to compare replies with the rendered templates. */
    public ChatScript script() {
        return scripts.forChat(chat);
    }

    public MutableClock clock() {
        return clock;
    }

    public ChatRef chat() {
        return chat;
    }

    /** Wake-ups asked for and not yet delivered. */
    public int pendingTimers() {
        return timers.size();
    }

    @Override
    public void close() {
        database.close();
    }

    private EventId nextId() {
        return EventId.of("e" + nextEvent++);
    }

    /** One member about to say something. */
    public final class Speaker {
        private final UserRef user;

        private Speaker(UserRef user) {
            this.user = user;
        }

        public UserRef user() {
            return user;
        }

        /** Sends the text to the group and returns what the bot did about it. */
        public Said says(String text) {
            return deliver(message(text));
        }

        /** Sends the text as a reply to (a quote of) the message that produced {@code original}. */
        public Said replies(Said original, String text) {
            MessageReceived plain = message(text);
            return deliver(new MessageReceived(plain.id(), plain.chat(), plain.sender(), plain.ref(),
                    plain.message().prepend(new Segment.Quote(original.messageId())), plain.at()));
        }

        /** Sends the text with an @-mention of the bot in front. */
        public Said saysToBot(String text) {
            MessageReceived plain = message(text);
            return deliver(new MessageReceived(plain.id(), plain.chat(), plain.sender(), plain.ref(),
                    plain.message().prepend(new Segment.Mention("bot", "群管", true)), plain.at()));
        }

        /** Builds the message event without delivering it. */
        public MessageReceived message(String text) {
            EventId id = nextId();
            return new MessageReceived(id, chat, user, MessageRef.of("m-" + id.value()), parse(text),
                    clock.instant());
        }

        private Message parse(String text) {
            List<Segment> segments = new ArrayList<>();
            Matcher matcher = MENTION.matcher(text);
            int from = 0;
            while (matcher.find()) {
                if (matcher.start() > from) {
                    segments.add(new Segment.Text(text.substring(from, matcher.start())));
                }
                UserRef mentioned = member(matcher.group(1), Role.MEMBER);
                segments.add(new Segment.Mention(mentioned.id(), mentioned.displayName(), false));
                from = matcher.end();
            }
            if (from < text.length()) {
                segments.add(new Segment.Text(text.substring(from)));
            }
            return new Message(segments);
        }
    }

    /** What the bot did in answer to one event, with assertions that read like the behaviour. */
    public final class Said {
        private final Reply reply;
        private final @Nullable String messageId;

        private Said(Reply reply, @Nullable String messageId) {
            this.reply = reply;
            this.messageId = messageId;
        }

        /** The id of the member's message this is the answer to. */
        public String messageId() {
            if (messageId == null) {
                throw new IllegalStateException("not the answer to a message");
            }
            return messageId;
        }

        public Reply reply() {
            return reply;
        }

        public List<SendMessage> messages() {
            return reply.actions().stream()
                    .filter(SendMessage.class::isInstance)
                    .map(SendMessage.class::cast)
                    .toList();
        }

        /** Every sent message's text, joined by line breaks (mentions shown as @name). */
        public String text() {
            List<String> texts = new ArrayList<>();
            for (SendMessage message : messages()) {
                StringBuilder text = new StringBuilder();
                for (Segment segment : message.message().segments()) {
                    switch (segment) {
                        case Segment.Text t -> text.append(t.text());
                        case Segment.Mention m -> text.append('@').append(m.displayName());
                        default -> { }
                    }
                }
                texts.add(text.toString());
            }
            return String.join("\n", texts);
        }

        /** Ids of the members the messages @-mention. */
        public List<String> mentionedIds() {
            return messages().stream()
                    .flatMap(m -> m.message().mentionedMembers().stream())
                    .map(Segment.Mention::userId)
                    .toList();
        }

        public Said shouldReplyContaining(String... fragments) {
            assertThat(messages()).as("messages sent").isNotEmpty();
            assertThat(text()).contains(fragments);
            return this;
        }

        public Said shouldNotContain(String... fragments) {
            assertThat(text()).doesNotContain(fragments);
            return this;
        }

        public Said shouldMention(String name) {
            assertThat(mentionedIds()).as("mentioned member ids").contains(members.get(name).id());
            return this;
        }

        public Said shouldSendMessages(int count) {
            assertThat(messages()).as("messages sent").hasSize(count);
            return this;
        }

        public Said shouldDelete() {
            assertThat(actions(DeleteMessage.class)).as("deletions").isNotEmpty();
            return this;
        }

        public Said shouldNotDelete() {
            assertThat(actions(DeleteMessage.class)).as("deletions").isEmpty();
            return this;
        }

        public Said shouldMute(Duration duration) {
            assertThat(actions(MuteMember.class)).extracting(MuteMember::duration).containsExactly(duration);
            return this;
        }

        public Said shouldNotMute() {
            assertThat(actions(MuteMember.class)).as("mutes").isEmpty();
            return this;
        }

        public Said shouldRemove() {
            assertThat(actions(RemoveMember.class)).as("removals").hasSize(1);
            return this;
        }

        public Said shouldNotRemove() {
            assertThat(actions(RemoveMember.class)).as("removals").isEmpty();
            return this;
        }

        public Said shouldSayNothing() {
            assertThat(reply.actions()).as("actions").isEmpty();
            return this;
        }

        private <A extends Action> List<A> actions(Class<A> type) {
            return reply.actions().stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Remembers wake-ups like the runtime does: one per chat and purpose, at the earliest time asked. */
    private static final class RecordingTimers implements Timers {
        record Due(ChatRef chat, String purpose, Instant at) {}

        private final Map<String, Due> pending = new HashMap<>();

        @Override
        public synchronized void wakeAt(ChatRef chat, String purpose, Instant at) {
            pending.merge(chat.key() + "|" + purpose, new Due(chat, purpose, at),
                    (old, asked) -> asked.at().isBefore(old.at()) ? asked : old);
        }

        synchronized List<Due> takeDue(Instant now) {
            List<Due> due = pending.values().stream()
                    .filter(d -> !d.at().isAfter(now))
                    .sorted(Comparator.comparing(Due::at))
                    .toList();
            due.forEach(d -> pending.remove(d.chat().key() + "|" + d.purpose()));
            return due;
        }

        synchronized void clear() {
            pending.clear();
        }

        synchronized int size() {
            return pending.size();
        }
    }

    /** Settings of a tester; all optional. */
    public static final class Builder {
        private final Path dataDir;
        private @Nullable Path scriptsDir;
        private String locale = "zh-CN";
        private Classifier classifier = HARMLESS;
        private FaqMatcherFactory faqMatchers = FaqMatcherFactory.keywords();
        private Set<String> botAdmins = Set.of();
        private ChatRef chat = ChatRef.of("test", "10000");
        private Instant start = DEFAULT_START;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        /** A directory of group script files; by default an empty one (the locale's defaults apply). */
        public Builder scripts(Path directory) {
            this.scriptsDir = directory;
            return this;
        }

        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        public Builder classifier(Classifier classifier) {
            this.classifier = classifier;
            return this;
        }

        /** How each group's FAQ matcher is built; by default the in-core keyword matcher. */
        public Builder faqMatchers(FaqMatcherFactory faqMatchers) {
            this.faqMatchers = faqMatchers;
            return this;
        }

        public Builder botAdmins(Set<String> botAdmins) {
            this.botAdmins = botAdmins;
            return this;
        }

        public Builder chat(ChatRef chat) {
            this.chat = chat;
            return this;
        }

        public Builder startingAt(Instant start) {
            this.start = start;
            return this;
        }

        public ChatTester build() {
            return new ChatTester(this);
        }
    }
}
