package dev.qunguan.script;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings one script layer sets; a null field is left to the layer below. Layers merge field by
 * field, and the locale default sets every field, so the merged result is always complete.
 */
record SettingsPatch(
        @Nullable String locale,
        @Nullable ZoneId timeZone,
        @Nullable String groupName,
        @Nullable String welcomeStyle,
        @Nullable Duration welcomeMergeWindow,
        @Nullable List<String> checkInTriggers,
        @Nullable List<String> checkInThemes,
        @Nullable List<String> leaderboardTriggers,
        @Nullable Integer leaderboardSize,
        @Nullable List<String> rulesTriggers,
        ModerationPatch moderation,
        @Nullable Duration faqCooldown) {
    static final SettingsPatch EMPTY = new SettingsPatch(
            null, null, null, null, null, null, null, null, null, null, ModerationPatch.EMPTY, null);

    SettingsPatch {
        checkInTriggers = checkInTriggers == null ? null : List.copyOf(checkInTriggers);
        checkInThemes = checkInThemes == null ? null : List.copyOf(checkInThemes);
        leaderboardTriggers = leaderboardTriggers == null ? null : List.copyOf(leaderboardTriggers);
        rulesTriggers = rulesTriggers == null ? null : List.copyOf(rulesTriggers);
    }

    /** This patch on top of {@code lower}: fields set here win. */
    SettingsPatch over(SettingsPatch lower) {
        return new SettingsPatch(
                first(locale, lower.locale),
                first(timeZone, lower.timeZone),
                first(groupName, lower.groupName),
                first(welcomeStyle, lower.welcomeStyle),
                first(welcomeMergeWindow, lower.welcomeMergeWindow),
                first(checkInTriggers, lower.checkInTriggers),
                first(checkInThemes, lower.checkInThemes),
                first(leaderboardTriggers, lower.leaderboardTriggers),
                first(leaderboardSize, lower.leaderboardSize),
                first(rulesTriggers, lower.rulesTriggers),
                moderation.over(lower.moderation),
                first(faqCooldown, lower.faqCooldown));
    }

    /**
     * The finished settings.
     *
     * @throws IllegalArgumentException if a field is missing or the values contradict each other
     */
    ChatSettings complete() {
        return new ChatSettings(
                required(locale, "locale"),
                required(timeZone, "time-zone"),
                required(groupName, "group-name"),
                required(welcomeStyle, "welcome-style"),
                required(welcomeMergeWindow, "welcome-merge-window"),
                required(checkInTriggers, "checkin-triggers"),
                required(checkInThemes, "checkin-themes"),
                required(leaderboardTriggers, "leaderboard-triggers"),
                required(leaderboardSize, "leaderboard-size"),
                required(rulesTriggers, "rules-triggers"),
                moderation.complete(),
                required(faqCooldown, "faq-cooldown"));
    }

    static <T> @Nullable T first(@Nullable T upper, @Nullable T lower) {
        return upper != null ? upper : lower;
    }

    static <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("settings." + name + " is missing");
        }
        return value;
    }

    /** The moderation block of a layer; null fields are left to the layer below. */
    record ModerationPatch(
            @Nullable Boolean enabled,
            @Nullable String sensitivity,
            @Nullable Integer muteAtWarnings,
            @Nullable Duration muteDuration,
            @Nullable Integer removeAtWarnings,
            @Nullable Duration warningExpiry,
            @Nullable Integer floodMessages,
            @Nullable Duration floodWindow,
            @Nullable Duration floodMute) {
        static final ModerationPatch EMPTY = new ModerationPatch(null, null, null, null, null, null, null, null, null);

        ModerationPatch over(ModerationPatch lower) {
            return new ModerationPatch(
                    first(enabled, lower.enabled),
                    first(sensitivity, lower.sensitivity),
                    first(muteAtWarnings, lower.muteAtWarnings),
                    first(muteDuration, lower.muteDuration),
                    first(removeAtWarnings, lower.removeAtWarnings),
                    first(warningExpiry, lower.warningExpiry),
                    first(floodMessages, lower.floodMessages),
                    first(floodWindow, lower.floodWindow),
                    first(floodMute, lower.floodMute));
        }

        ModerationSettings complete() {
            int muteAt = required(muteAtWarnings, "moderation.mute-at-warnings");
            int removeAt = required(removeAtWarnings, "moderation.remove-at-warnings");
            if (removeAt <= muteAt) {
                throw new IllegalArgumentException("moderation: remove-at-warnings " + removeAt
                        + " must be greater than mute-at-warnings " + muteAt);
            }
            return new ModerationSettings(
                    required(enabled, "moderation.enabled"),
                    required(sensitivity, "moderation.sensitivity"),
                    muteAt,
                    required(muteDuration, "moderation.mute-duration"),
                    removeAt,
                    required(warningExpiry, "moderation.warning-expiry"),
                    required(floodMessages, "moderation.flood-messages"),
                    required(floodWindow, "moderation.flood-window"),
                    required(floodMute, "moderation.flood-mute"));
        }
    }
}
