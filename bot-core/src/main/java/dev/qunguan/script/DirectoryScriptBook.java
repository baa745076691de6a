package dev.qunguan.script;

import dev.qunguan.config.BotConfig;
import dev.qunguan.event.ChatRef;
import dev.qunguan.store.ScriptOverrideStore;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Script files in a directory ({@code default.yaml} for every group, {@code <platform>/<chatId>.yaml} per
 * group) over the shipped locale defaults, with chat overrides on top. Files are re-read only when their
 * modification time or size changes; a file that fails keeps its last good version in force.
 */
final class DirectoryScriptBook implements ReloadingScriptBook {
    private static final Logger log = LoggerFactory.getLogger(DirectoryScriptBook.class);
    private static final String DEFAULT_FILE = "default.yaml";
    private static final String SUFFIX = ".yaml";
    private static final Comparator<ScriptProblem> BY_PLACE = Comparator
            .comparing((ScriptProblem p) -> p.file().toString())
            .thenComparingInt(ScriptProblem::line)
            .thenComparingInt(ScriptProblem::column);

    /** What identifies a version of a file without reading it. */
    private record Stamp(FileTime modified, long size) {}

    /** One file as last read: its stamp, the last version that loaded cleanly, and the current problems. */
    private record FileState(Path path, Stamp stamp, @Nullable ScriptLayer good, List<ScriptProblem> problems) {
        FileState {
            problems = List.copyOf(problems);
        }

        ScriptLayer goodOrEmpty() {
            return good == null ? ScriptLayer.EMPTY : good;
        }
    }

    /** All files as of one reload; replaced as a whole so readers never see half a reload. */
    private record Snapshot(@Nullable FileState common, Map<ChatRef, FileState> groups) {
        static final Snapshot EMPTY = new Snapshot(null, Map.of());

        Snapshot {
            groups = Map.copyOf(groups);
        }
    }

    private final Path dir;
    private final String defaultLocale;
    private final ScriptOverrideStore overrides;
    private final Clock clock;
    private final LocaleScripts locales;
    private final ConcurrentHashMap<ChatRef, ChatScript> cache = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    private DirectoryScriptBook(Path dir, String defaultLocale, ScriptOverrideStore overrides, Clock clock,
            LocaleScripts locales) {
        this.dir = dir;
        this.defaultLocale = defaultLocale;
        this.overrides = overrides;
        this.clock = clock;
        this.locales = locales;
    }

    static DirectoryScriptBook create(Path dir, String defaultLocale, ScriptOverrideStore overrides, Clock clock) {
        Objects.requireNonNull(dir, "scriptsDir");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(clock, "clock");
        String locale = ScriptFileReader.locale(Objects.requireNonNull(defaultLocale, "defaultLocale"))
                .orElseThrow(() -> new IllegalArgumentException("defaultLocale: " + defaultLocale
                        + " (expected one of " + BotConfig.LOCALES + ")"));
        DirectoryScriptBook book = new DirectoryScriptBook(dir, locale, overrides, clock, LocaleScripts.shipped());
        if (!Files.isDirectory(dir)) {
            log.info("Script directory {} does not exist yet; using the {} defaults until it does", dir, locale);
        }
        book.reloadIfChanged();
        return book;
    }

    @Override
    public ChatScript forChat(ChatRef chat) {
        ChatScript cached = cache.get(chat);
        return cached != null ? cached : cache.computeIfAbsent(chat, this::build);
    }

    private ChatScript build(ChatRef chat) {
        Snapshot files = snapshot;
        ScriptLayer common = files.common() == null ? ScriptLayer.EMPTY : files.common().goodOrEmpty();
        FileState groupFile = files.groups().get(chat);
        ScriptLayer group = groupFile == null ? ScriptLayer.EMPTY : groupFile.goodOrEmpty();
        ScriptLayer chatOverrides = overridesOf(chat);
        // Each file was checked against the layers below it when it loaded; if a later edit below made
        // them contradict, fall back layer by layer rather than fail every event of the chat.
        List<List<ScriptLayer>> attempts = List.of(List.of(common, group), List.of(common), List.of());
        IllegalArgumentException last = null;
        for (List<ScriptLayer> stack : attempts) {
            ScriptLayer merged = ScriptLayer.EMPTY;
            for (ScriptLayer layer : stack) {
                merged = layer.over(merged);
            }
            String locale = Objects.requireNonNullElse(merged.settings().locale(), defaultLocale);
            try {
                return DefaultChatScript.of(chatOverrides.over(merged.over(locales.layer(locale))));
            } catch (IllegalArgumentException e) {
                log.warn("Script layers for {} do not fit together ({}); leaving out the most specific file", chat,
                        e.getMessage());
                last = e;
            }
        }
        throw new IllegalStateException("the shipped default script is unusable", last);
    }

    private ScriptLayer overridesOf(ChatRef chat) {
        Map<String, String> stored = overrides.all(chat);
        if (stored.isEmpty()) {
            return ScriptLayer.EMPTY;
        }
        Map<String, Template> texts = new HashMap<>();
        stored.forEach((key, source) -> {
            try {
                texts.put(key, Template.parseFor(key, source));
            } catch (IllegalArgumentException e) {
                // Stored before a key or variable was retired: skip it, the file or default text applies.
                log.warn("Ignoring stored script override {} for {}: {}", key, chat, e.getMessage());
            }
        });
        return ScriptLayer.ofTexts(texts);
    }

    @Override
    public synchronized boolean reloadIfChanged() {
        Snapshot before = snapshot;
        boolean changed = false;

        FileState common = before.common();
        Path commonPath = dir.resolve(DEFAULT_FILE);
        Stamp commonStamp = stamp(commonPath);
        if (commonStamp == null) {
            changed |= common != null;
            if (common != null) {
                log.info("Script {} removed", commonPath);
            }
            common = null;
        } else if (common == null || !common.stamp().equals(commonStamp)) {
            common = load(commonPath, commonStamp, common, ScriptLayer.EMPTY);
            changed = true;
        }
        ScriptLayer commonLayer = common == null ? ScriptLayer.EMPTY : common.goodOrEmpty();

        Map<ChatRef, Path> found = groupFiles();
        Map<ChatRef, FileState> groups = new LinkedHashMap<>();
        for (Map.Entry<ChatRef, Path> file : found.entrySet()) {
            FileState old = before.groups().get(file.getKey());
            Stamp stamp = stamp(file.getValue());
            if (stamp == null) {
                continue;
            }
            if (old != null && old.stamp().equals(stamp)) {
                groups.put(file.getKey(), old);
            } else {
                groups.put(file.getKey(), load(file.getValue(), stamp, old, commonLayer));
                changed = true;
            }
        }
        for (ChatRef gone : before.groups().keySet()) {
            if (!groups.containsKey(gone)) {
                log.info("Script {} removed", before.groups().get(gone).path());
                changed = true;
            }
        }
        if (changed) {
            snapshot = new Snapshot(common, groups);
            cache.clear();
        }
        return changed;
    }

    /** {@code <dir>/<platform>/<chatId>.yaml}; names starting with a dot (editor swap files) are skipped. */
    private Map<ChatRef, Path> groupFiles() {
        Map<ChatRef, Path> found = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> platforms = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path platformDir : platforms) {
                String platform = platformDir.getFileName().toString();
                if (platform.startsWith(".")) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(platformDir, "*" + SUFFIX)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        String chatId = name.substring(0, name.length() - SUFFIX.length());
                        if (!name.startsWith(".") && !chatId.isBlank() && !platform.isBlank()) {
                            found.put(ChatRef.of(platform, chatId), file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list script directory {}: {}", dir, e.toString());
        }
        return found;
    }

    private static @Nullable Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? new Stamp(attributes.lastModifiedTime(), attributes.size()) : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.warn("Cannot read attributes of script {}: {}", file, e.toString());
            return null;
        }
    }

    private FileState load(Path file, Stamp stamp, @Nullable FileState old, ScriptLayer below) {
        ScriptLayer previous = old == null ? null : old.good();
        List<ScriptFileReader.Issue> issues = new ArrayList<>();
        ScriptLayer layer = null;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            ScriptFileReader.Result result = ScriptFileReader.read(new StringReader(text));
            issues.addAll(result.issues());
            if (result.ok()) {
                layer = result.layer();
                checkFits(layer, below).ifPresent(issues::add);
            }
        } catch (CharacterCodingException e) {
            issues.add(new ScriptFileReader.Issue(0, 0, "not UTF-8 text (save the file as UTF-8)"));
        } catch (IOException e) {
            issues.add(new ScriptFileReader.Issue(0, 0, "cannot read: " + e));
        }
        if (issues.isEmpty() && layer != null) {
            log.info("Loaded script {}", file);
            return new FileState(file, stamp, layer, List.of());
        }
        List<ScriptProblem> problems = new ArrayList<>();
        for (ScriptFileReader.Issue issue : issues) {
            ScriptProblem problem = new ScriptProblem(file, issue.line(), issue.column(), issue.message(), clock.instant());
            problems.add(problem);
            log.warn("Script {} ({})", problem, previous == null ? "not applied" : "keeping the last good version");
        }
        return new FileState(file, stamp, previous, problems);
    }

    /** Checks the layer on top of the ones below it: a group's ladder must still make sense once merged. */
    private Optional<ScriptFileReader.Issue> checkFits(ScriptLayer layer, ScriptLayer below) {
        ScriptLayer merged = layer.over(below);
        String locale = Objects.requireNonNullElse(merged.settings().locale(), defaultLocale);
        try {
            DefaultChatScript.of(merged.over(locales.layer(locale)));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new ScriptFileReader.Issue(layer.settingsLine(), 0, e.getMessage()));
        }
    }

    @Override
    public List<ScriptProblem> problems() {
        Snapshot files = snapshot;
        List<ScriptProblem> all = new ArrayList<>();
        if (files.common() != null) {
            all.addAll(files.common().problems());
        }
        for (FileState state : files.groups().values()) {
            all.addAll(state.problems());
        }
        all.sort(BY_PLACE);
        return List.copyOf(all);
    }

    @Override
    public Optional<String> validate(String key, String template) {
        if (ScriptKeys.variables(key).isEmpty()) {
            return Optional.of("unknown key: " + key);
        }
        try {
            Template.parseFor(key, template);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<String> resolveKey(ChatRef chat, String typed) {
        String key = typed.strip();
        if (key.equals("welcome") || key.equals("welcome-many")) {
            return Optional.of(key + "." + forChat(chat).settings().welcomeStyle());
        }
        return ScriptKeys.all().contains(key) ? Optional.of(key) : Optional.empty();
    }

    @Override
    public void invalidate(ChatRef chat) {
        cache.remove(chat);
    }

    @Override
    public ScheduledFuture<?> startWatching(ScheduledExecutorService executor, Duration period) {
        if (!period.isPositive()) {
            throw new IllegalArgumentException("period: " + period + " (expected: > 0)");
        }
        long millis = Math.max(1, period.toMillis());
        return executor.scheduleWithFixedDelay(() -> {
            try {
                reloadIfChanged();
            } catch (RuntimeException e) {
                log.warn("Checking script files in {} failed; will retry", dir, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "ReloadingScriptBook[" + dir + ", default locale " + defaultLocale + "]";
    }
}
