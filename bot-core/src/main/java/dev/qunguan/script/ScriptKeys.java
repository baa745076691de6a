package dev.qunguan.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every text key a reply script may define and the variables its template may use. Scripts that set an
 * unknown key or use a variable the key does not offer are rejected when loaded, with file and line.
 */
public final class ScriptKeys {
    /** Welcome styles shipped in the default scripts; style-specific keys end in {@code .<style>}. */
    public static final List<String> WELCOME_STYLES = List.of("简洁", "活泼");

    private static final Map<String, Set<String>> KEYS = new LinkedHashMap<>();

    static {
        key("intro", "group", "bot");
        for (String style : WELCOME_STYLES) {
            key("welcome." + style, "member", "group", "rules_summary");
            key("welcome-many." + style, "members", "count", "group", "rules_summary");
        }
        key("rules.post", "group", "rules");
        key("checkin.ok", "member", "activity", "order", "streak", "total");
        key("checkin.already", "member", "activity", "streak", "total");
        key("checkin.leaderboard", "activity", "group", "by_streak", "by_total");
        key("checkin.leaderboard.line", "rank", "member", "value");
        key("checkin.leaderboard.empty", "activity", "group");
        key("faq.answer", "question", "answer");
        key("faq.added", "id", "question");
        key("faq.phrasing-added", "id", "phrasing");
        key("faq.deleted", "id");
        key("faq.not-found", "id");
        key("faq.list", "count", "entries");
        key("faq.list.line", "id", "question", "answer", "hits");
        key("faq.list.empty");
        key("faq.usage");
        key("faq.recently-answered", "question", "minutes");
        key("faq.unanswered", "count", "entries");
        key("faq.unanswered.line", "id", "question", "asker", "time");
        key("faq.unanswered.empty");
        key("faq.unanswered.not-found", "id");
        key("faq.learned", "id", "question");
        key("faq.learned-phrasing", "id", "phrasing");
        key("faq.learn.unknown-question");
        key("faq.learn.usage");
        key("moderation.reason.ad");
        key("moderation.reason.abuse");
        key("moderation.warned", "member", "reason", "count", "mute_at", "remove_at");
        key("moderation.muted", "member", "reason", "minutes", "count", "remove_at");
        key("moderation.removed", "member", "reason", "count");
        key("moderation.flood", "member", "count", "seconds", "minutes");
        key("moderation.correction.ad", "member");
        key("moderation.correction.notad", "member");
        key("moderation.correction.need-reply", "command");
        key("moderation.correction.unknown-message", "command");
        key("admin.not-allowed", "member");
        key("admin.help");
        key("admin.need-mention", "command");
        key("admin.warned", "member", "count", "reason");
        key("admin.unwarned", "member", "count");
        key("admin.no-warnings", "member");
        key("admin.warnings", "member", "count", "entries");
        key("admin.warnings.line", "time", "reason", "by");
        key("script.set", "key");
        key("script.show", "key", "template");
        key("script.reset", "key");
        key("script.unknown-key", "key", "keys");
        key("script.invalid", "key", "error");
        key("script.usage");
    }

    private ScriptKeys() {}

    private static void key(String name, String... variables) {
        KEYS.put(name, Set.of(variables));
    }

    /** All keys, in a stable order. */
    public static Set<String> all() {
        return KEYS.keySet();
    }

    /** The variables the key's template may use, or empty when the key is unknown. */
    public static Optional<Set<String>> variables(String key) {
        return Optional.ofNullable(KEYS.get(key));
    }
}
