package dev.qunguan.script;

import dev.qunguan.config.BotConfig;
import dev.qunguan.config.DurationText;
import dev.qunguan.script.SettingsPatch.ModerationPatch;
import dev.qunguan.script.YamlTree.Entry;
import dev.qunguan.script.YamlTree.ListNode;
import dev.qunguan.script.YamlTree.MapNode;
import dev.qunguan.script.YamlTree.Node;
import dev.qunguan.script.YamlTree.ScalarNode;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns one script file into a {@link ScriptLayer}, collecting every mistake with its line and column
 * rather than stopping at the first: unknown fields, settings and text keys, bad values, and templates
 * that use variables their key does not offer.
 */
final class ScriptFileReader {
    static final List<String> TOP_LEVEL = List.of("settings", "rules", "rules-summary", "texts", "faq");
    static final List<String> SETTINGS = List.of("locale", "time-zone", "group-name", "welcome-style",
            "welcome-merge-window", "checkin-triggers", "checkin-themes", "leaderboard-triggers", "leaderboard-size",
            "rules-triggers", "moderation", "faq-cooldown");
    static final List<String> MODERATION = List.of("enabled", "sensitivity", "mute-at-warnings", "mute-duration",
            "remove-at-warnings", "warning-expiry", "flood-messages", "flood-window", "flood-mute");
    static final List<String> SENSITIVITIES = List.of("strict", "normal", "lenient");
    private static final List<String> FAQ_FIELDS = List.of("question", "phrasings", "answer");
    /** English names for the welcome styles, for admins who do not type Chinese. */
    private static final Map<String, String> STYLE_ALIASES = Map.of("concise", "简洁", "lively", "活泼");
    /** Platforms cap mutes (QQ at 30 days), so a longer one could not be carried out. */
    private static final Duration LONGEST_MUTE = Duration.ofDays(30);
    private static final int LARGEST_LEADERBOARD = 50;
    /** Flood control remembers members' messages only this far back, so the window is capped. */
    private static final Duration LONGEST_FLOOD_WINDOW = Duration.ofMinutes(10);
    private static final int MOST_FLOOD_MESSAGES = 100;

    /** A mistake in a script file. Line and column are 1-based; 0 means unknown. */
    record Issue(int line, int column, String message) {}

    /** The file's layer, usable only when {@code issues} is empty. */
    record Result(ScriptLayer layer, List<Issue> issues) {
        Result {
            issues = List.copyOf(issues);
        }

        boolean ok() {
            return issues.isEmpty();
        }
    }

    private final List<Issue> issues = new ArrayList<>();

    private ScriptFileReader() {}

    static Result read(Reader in) {
        Node root;
        try {
            root = YamlTree.read(in);
        } catch (YamlTree.SyntaxException e) {
            return new Result(ScriptLayer.EMPTY, List.of(new Issue(e.line(), e.column(), "YAML syntax: " + e.getMessage())));
        }
        ScriptFileReader reader = new ScriptFileReader();
        ScriptLayer layer = reader.layer(root);
        return new Result(layer, reader.issues);
    }

    /** The canonical spelling of a locale name (zh_cn → zh-CN), if it is one we ship. */
    static Optional<String> locale(String typed) {
        String wanted = typed.strip().replace('_', '-');
        for (String locale : BotConfig.LOCALES) {
            if (locale.equalsIgnoreCase(wanted)) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }

    /** Parses 20s, 10m, 1h, 30d or a combination such as 1h30m (the same text the config accepts). */
    static Optional<Duration> duration(String typed) {
        try {
            return Optional.of(DurationText.parse(typed));
        } catch (IllegalArgumentException notADuration) {
            return Optional.empty();
        }
    }

    private ScriptLayer layer(Node root) {
        if (!(root instanceof MapNode map)) {
            issue(root, "a script file must be a mapping with the fields " + TOP_LEVEL);
            return ScriptLayer.EMPTY;
        }
        SettingsPatch settings = SettingsPatch.EMPTY;
        int settingsLine = 0;
        Map<String, Template> texts = Map.of();
        String rules = null;
        String rulesSummary = null;
        List<ScriptFaq> faq = null;
        for (Entry entry : map.entries()) {
            switch (entry.key()) {
                case "settings" -> {
                    settings = settings(entry.value());
                    settingsLine = entry.line();
                }
                case "rules" -> rules = text(entry.value(), "rules");
                case "rules-summary" -> rulesSummary = text(entry.value(), "rules-summary");
                case "texts" -> texts = texts(entry.value());
                case "faq" -> faq = faq(entry.value());
                default -> issue(entry, "unknown top-level field '" + entry.key() + "' (expected one of " + TOP_LEVEL + ")");
            }
        }
        return new ScriptLayer(settings, texts, rules, rulesSummary, faq, settingsLine);
    }

    private SettingsPatch settings(Node node) {
        if (isNull(node)) {
            return SettingsPatch.EMPTY;
        }
        if (!(node instanceof MapNode map)) {
            issue(node, "settings must be a mapping of setting: value");
            return SettingsPatch.EMPTY;
        }
        String locale = null;
        ZoneId timeZone = null;
        String groupName = null;
        String welcomeStyle = null;
        Duration mergeWindow = null;
        List<String> checkInTriggers = null;
        List<String> checkInThemes = null;
        List<String> leaderboardTriggers = null;
        Integer leaderboardSize = null;
        List<String> rulesTriggers = null;
        ModerationPatch moderation = ModerationPatch.EMPTY;
        Duration faqCooldown = null;
        for (Entry entry : map.entries()) {
            String name = "settings." + entry.key();
            Node value = entry.value();
            switch (entry.key()) {
                case "locale" -> {
                    String typed = text(value, name);
                    if (typed != null) {
                        locale = locale(typed).orElse(null);
                        if (locale == null) {
                            issue(value, name + ": unknown locale '" + typed + "' (expected one of " + BotConfig.LOCALES + ")");
                        }
                    }
                }
                case "time-zone" -> {
                    String typed = text(value, name);
                    if (typed != null) {
                        try {
                            timeZone = ZoneId.of(typed.strip());
                        } catch (DateTimeException e) {
                            issue(value, name + ": unknown time zone '" + typed + "' (expected a name such as Asia/Shanghai)");
                        }
                    }
                }
                case "group-name" -> groupName = text(value, name);
                case "welcome-style" -> {
                    String typed = text(value, name);
                    if (typed != null) {
                        String style = STYLE_ALIASES.getOrDefault(typed.strip().toLowerCase(Locale.ROOT), typed.strip());
                        if (ScriptKeys.WELCOME_STYLES.contains(style)) {
                            welcomeStyle = style;
                        } else {
                            issue(value, name + ": unknown style '" + typed + "' (expected one of "
                                    + ScriptKeys.WELCOME_STYLES + ")");
                        }
                    }
                }
                case "welcome-merge-window" -> mergeWindow = duration(value, name, false);
                case "checkin-triggers" -> checkInTriggers = words(value, name);
                case "checkin-themes" -> checkInThemes = words(value, name);
                case "leaderboard-triggers" -> leaderboardTriggers = words(value, name);
                case "leaderboard-size" -> leaderboardSize = count(value, name, 1, LARGEST_LEADERBOARD);
                case "rules-triggers" -> rulesTriggers = words(value, name);
                case "moderation" -> moderation = moderation(value);
                case "faq-cooldown" -> faqCooldown = duration(value, name, false);
                default -> issue(entry, "unknown setting '" + entry.key() + "' (expected one of " + SETTINGS + ")");
            }
        }
        return new SettingsPatch(locale, timeZone, groupName, welcomeStyle, mergeWindow, checkInTriggers,
                checkInThemes, leaderboardTriggers, leaderboardSize, rulesTriggers, moderation, faqCooldown);
    }

    private ModerationPatch moderation(Node node) {
        if (isNull(node)) {
            return ModerationPatch.EMPTY;
        }
        if (!(node instanceof MapNode map)) {
            issue(node, "settings.moderation must be a mapping of setting: value");
            return ModerationPatch.EMPTY;
        }
        Boolean enabled = null;
        String sensitivity = null;
        Integer muteAt = null;
        Duration muteDuration = null;
        Integer removeAt = null;
        Node removeAtNode = null;
        Duration expiry = null;
        Integer floodMessages = null;
        Duration floodWindow = null;
        Duration floodMute = null;
        for (Entry entry : map.entries()) {
            String name = "settings.moderation." + entry.key();
            Node value = entry.value();
            switch (entry.key()) {
                case "enabled" -> enabled = flag(value, name);
                case "sensitivity" -> {
                    String typed = text(value, name);
                    if (typed != null) {
                        String lower = typed.strip().toLowerCase(Locale.ROOT);
                        if (SENSITIVITIES.contains(lower)) {
                            sensitivity = lower;
                        } else {
                            issue(value, name + ": '" + typed + "' (expected one of " + SENSITIVITIES + ")");
                        }
                    }
                }
                case "mute-at-warnings" -> muteAt = count(value, name, 1, 100);
                case "mute-duration" -> {
                    muteDuration = duration(value, name, true);
                    if (muteDuration != null && muteDuration.compareTo(LONGEST_MUTE) > 0) {
                        issue(value, name + ": " + scalar(value) + " (expected: at most 30d, the longest mute platforms allow)");
                        muteDuration = null;
                    }
                }
                case "remove-at-warnings" -> {
                    removeAt = count(value, name, 2, 100);
                    removeAtNode = value;
                }
                case "warning-expiry" -> expiry = duration(value, name, true);
                case "flood-messages" -> floodMessages = count(value, name, 0, MOST_FLOOD_MESSAGES);
                case "flood-window" -> {
                    floodWindow = duration(value, name, true);
                    if (floodWindow != null && floodWindow.compareTo(LONGEST_FLOOD_WINDOW) > 0) {
                        issue(value, name + ": " + scalar(value) + " (expected: at most 10m)");
                        floodWindow = null;
                    }
                }
                case "flood-mute" -> {
                    floodMute = duration(value, name, true);
                    if (floodMute != null && floodMute.compareTo(LONGEST_MUTE) > 0) {
                        issue(value, name + ": " + scalar(value) + " (expected: at most 30d, the longest mute platforms allow)");
                        floodMute = null;
                    }
                }
                default -> issue(entry, "unknown moderation setting '" + entry.key() + "' (expected one of " + MODERATION + ")");
            }
        }
        if (muteAt != null && removeAt != null && removeAt <= muteAt && removeAtNode != null) {
            issue(removeAtNode, "settings.moderation: remove-at-warnings " + removeAt
                    + " must be greater than mute-at-warnings " + muteAt + " (members are muted before they are removed)");
        }
        return new ModerationPatch(enabled, sensitivity, muteAt, muteDuration, removeAt, expiry, floodMessages,
                floodWindow, floodMute);
    }

    private Map<String, Template> texts(Node node) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MapNode map)) {
            issue(node, "texts must be a mapping of key: template");
            return Map.of();
        }
        Map<String, Template> texts = new LinkedHashMap<>();
        for (Entry entry : map.entries()) {
            String key = entry.key();
            if (ScriptKeys.variables(key).isEmpty()) {
                issue(entry, "unknown text key '" + key + "'" + suggestion(key));
                continue;
            }
            String source = text(entry.value(), "texts." + key);
            if (source == null) {
                continue;
            }
            try {
                texts.put(key, Template.parseFor(key, source));
            } catch (IllegalArgumentException e) {
                issue(entry.value(), "texts." + key + ": " + e.getMessage());
            }
        }
        return texts;
    }

    private static String suggestion(String key) {
        List<String> similar = new ArrayList<>();
        for (String known : ScriptKeys.all()) {
            if (known.startsWith(key + ".") || known.equalsIgnoreCase(key)) {
                similar.add(known);
            }
        }
        return similar.isEmpty() ? " (see ScriptKeys for the list)" : " (did you mean " + String.join(" or ", similar) + "?)";
    }

    private @Nullable List<ScriptFaq> faq(Node node) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof ListNode list)) {
            issue(node, "faq must be a list of entries with question, phrasings and answer");
            return null;
        }
        List<ScriptFaq> entries = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof MapNode map)) {
                issue(item, "faq entry must be a mapping with question, phrasings and answer");
                continue;
            }
            String question = null;
            String answer = null;
            List<String> phrasings = List.of();
            for (Entry entry : map.entries()) {
                switch (entry.key()) {
                    case "question" -> question = text(entry.value(), "faq.question");
                    case "answer" -> answer = text(entry.value(), "faq.answer");
                    case "phrasings" -> {
                        List<String> typed = words(entry.value(), "faq.phrasings");
                        phrasings = typed == null ? List.of() : typed;
                    }
                    default -> issue(entry, "unknown faq field '" + entry.key() + "' (expected one of " + FAQ_FIELDS + ")");
                }
            }
            if (question == null || question.isBlank() || answer == null || answer.isBlank()) {
                issue(item, "faq entry needs both a question and an answer");
                continue;
            }
            entries.add(new ScriptFaq(question.strip(), phrasings, answer.strip()));
        }
        return entries;
    }

    private @Nullable String text(Node node, String name) {
        if (node instanceof ScalarNode(int line, int column, String text) && text != null) {
            return text;
        }
        issue(node, name + ": expected text" + (isNull(node) ? ", found nothing (write \"\" for an empty text)" : ""));
        return null;
    }

    private @Nullable List<String> words(Node node, String name) {
        List<Node> items = node instanceof ListNode list ? list.items() : List.of(node);
        List<String> words = new ArrayList<>();
        for (Node item : items) {
            String word = text(item, name);
            if (word == null) {
                return null;
            }
            if (word.isBlank()) {
                issue(item, name + ": empty word");
                return null;
            }
            words.add(word.strip());
        }
        return words;
    }

    private @Nullable Integer count(Node node, String name, int min, int max) {
        String typed = text(node, name);
        if (typed == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(typed.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the expected range
        }
        issue(node, name + ": " + typed + " (expected a whole number " + min + ".." + max + ")");
        return null;
    }

    private @Nullable Boolean flag(Node node, String name) {
        String typed = text(node, name);
        if (typed == null) {
            return null;
        }
        return switch (typed.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                issue(node, name + ": " + typed + " (expected true or false)");
                yield null;
            }
        };
    }

    private @Nullable Duration duration(Node node, String name, boolean positive) {
        String typed = text(node, name);
        if (typed == null) {
            return null;
        }
        Optional<Duration> parsed = duration(typed);
        if (parsed.isEmpty()) {
            issue(node, name + ": bad duration '" + typed + "' (expected a number and unit, such as 20s, 10m, 1h or 30d)");
            return null;
        }
        if (positive && parsed.get().isZero()) {
            issue(node, name + ": " + typed + " (expected: more than zero)");
            return null;
        }
        return parsed.get();
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode(int line, int column, String text) && text != null ? text : "";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode(int line, int column, String text) && text == null;
    }

    private void issue(Node node, String message) {
        issues.add(new Issue(node.line(), node.column(), message));
    }

    private void issue(Entry entry, String message) {
        issues.add(new Issue(entry.line(), entry.column(), message));
    }
}
