package dev.qunguan.script;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A merged, immutable reply script. The script knows the group's name, rules and rules summary, so
 * {@code {group}}, {@code {rules}} and {@code {rules_summary}} are filled from it whenever the caller
 * leaves them out or empty.
 */
final class DefaultChatScript implements ChatScript {
    private final ChatSettings settings;
    private final Map<String, Template> texts;
    private final String rules;
    private final String rulesSummary;
    private final List<ScriptFaq> faq;
    private final Map<String, String> ownVariables;

    private DefaultChatScript(ChatSettings settings, Map<String, Template> texts, String rules, String rulesSummary,
            List<ScriptFaq> faq) {
        this.settings = settings;
        this.texts = Map.copyOf(texts);
        this.rules = rules;
        this.rulesSummary = rulesSummary;
        this.faq = List.copyOf(faq);
        this.ownVariables = Map.of("group", settings.groupName(), "rules", rules, "rules_summary", rulesSummary);
    }

    /**
     * The script the merged layers describe.
     *
     * @throws IllegalArgumentException if a setting, text, the rules or the rules summary is missing, or the
     *                                  settings contradict each other
     */
    static DefaultChatScript of(ScriptLayer merged) {
        ChatSettings settings = merged.settings().complete();
        for (String key : ScriptKeys.all()) {
            if (!merged.texts().containsKey(key)) {
                throw new IllegalArgumentException("texts." + key + " is missing");
            }
        }
        return new DefaultChatScript(
                settings,
                merged.texts(),
                SettingsPatch.required(merged.rules(), "rules").strip(),
                SettingsPatch.required(merged.rulesSummary(), "rules-summary").strip(),
                merged.faq() == null ? List.of() : merged.faq());
    }

    @Override
    public ChatSettings settings() {
        return settings;
    }

    @Override
    public String render(String key, Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        Template template = lookUp(key);
        return template.render(withOwnVariables(template, variables));
    }

    private Map<String, String> withOwnVariables(Template template, Map<String, String> variables) {
        Map<String, String> filled = null;
        for (Map.Entry<String, String> own : ownVariables.entrySet()) {
            String given = variables.get(own.getKey());
            if ((given == null || given.isEmpty()) && template.variables().contains(own.getKey())) {
                if (filled == null) {
                    filled = new HashMap<>(variables);
                }
                filled.put(own.getKey(), own.getValue());
            }
        }
        return filled == null ? variables : filled;
    }

    @Override
    public String template(String key) {
        return lookUp(key).source();
    }

    private Template lookUp(String key) {
        Template template = texts.get(key);
        if (template == null) {
            throw new IllegalArgumentException("unknown script key: " + key);
        }
        return template;
    }

    @Override
    public String rules() {
        return rules;
    }

    @Override
    public List<ScriptFaq> faq() {
        return faq;
    }

    @Override
    public String toString() {
        return "ChatScript[locale=" + settings.locale() + ", texts=" + texts.size() + ", faq=" + faq.size() + "]";
    }
}
