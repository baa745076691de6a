package dev.qunguan.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one script source says: a locale default, {@code default.yaml}, a group's file or its chat
 * overrides. Absent parts (null, or keys missing from {@code texts}) are left to the layer below.
 *
 * @param settingsLine line of the {@code settings} block in its file (0 if none), for problems that only
 *                     show once layers are merged, such as a contradictory moderation ladder
 */
record ScriptLayer(
        SettingsPatch settings,
        Map<String, Template> texts,
        @Nullable String rules,
        @Nullable String rulesSummary,
        @Nullable List<ScriptFaq> faq,
        int settingsLine) {
    static final ScriptLayer EMPTY = new ScriptLayer(SettingsPatch.EMPTY, Map.of(), null, null, null, 0);

    ScriptLayer {
        texts = Map.copyOf(texts);
        faq = faq == null ? null : List.copyOf(faq);
    }

    static ScriptLayer ofTexts(Map<String, Template> texts) {
        return new ScriptLayer(SettingsPatch.EMPTY, texts, null, null, null, 0);
    }

    /** This layer on top of {@code lower}: everything set here wins; a faq list here replaces the lower one. */
    ScriptLayer over(ScriptLayer lower) {
        Map<String, Template> merged = new LinkedHashMap<>(lower.texts);
        merged.putAll(texts);
        return new ScriptLayer(
                settings.over(lower.settings),
                merged,
                SettingsPatch.first(rules, lower.rules),
                SettingsPatch.first(rulesSummary, lower.rulesSummary),
                SettingsPatch.first(faq, lower.faq),
                settingsLine);
    }
}
