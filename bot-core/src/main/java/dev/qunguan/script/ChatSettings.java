package dev.qunguan.script;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Per-group settings carried by the reply script.
 *
 * @param locale            zh-CN, zh-TW or en: which default script this group builds on
 * @param timeZone          the group's day boundary for check-ins
 * @param groupName         how the bot names the group in texts
 * @param welcomeStyle      简洁 or 活泼
 * @param welcomeMergeWindow joins within this window are greeted in one message
 * @param checkInTriggers   words that check in (签到, 打卡)
 * @param checkInThemes     themes that make a separate tally when put before a trigger (读书 → 读书打卡)
 * @param leaderboardTriggers words that show the leaderboard (签到排行, 打卡排行)
 * @param leaderboardSize   how many members each leaderboard lists
 * @param rulesTriggers     words that post the rules (群规, /rules)
 * @param moderation        the warning ladder
 * @param faqCooldown       the same FAQ entry asked again within this time gets a pointer, not the answer
 */
public record ChatSettings(
        String locale,
        ZoneId timeZone,
        String groupName,
        String welcomeStyle,
        Duration welcomeMergeWindow,
        List<String> checkInTriggers,
        List<String> checkInThemes,
        List<String> leaderboardTriggers,
        int leaderboardSize,
        List<String> rulesTriggers,
        ModerationSettings moderation,
        Duration faqCooldown) {
    public ChatSettings {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(welcomeStyle, "welcomeStyle");
        Objects.requireNonNull(welcomeMergeWindow, "welcomeMergeWindow");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(faqCooldown, "faqCooldown");
        checkInTriggers = List.copyOf(checkInTriggers);
        checkInThemes = List.copyOf(checkInThemes);
        leaderboardTriggers = List.copyOf(leaderboardTriggers);
        rulesTriggers = List.copyOf(rulesTriggers);
        if (leaderboardSize < 1) {
            throw new IllegalArgumentException("leaderboardSize: " + leaderboardSize + " (expected: >= 1)");
        }
        if (faqCooldown.isNegative()) {
            throw new IllegalArgumentException("faqCooldown: " + faqCooldown + " (expected: >= 0)");
        }
        if (welcomeMergeWindow.isNegative()) {
            throw new IllegalArgumentException("welcomeMergeWindow: " + welcomeMergeWindow + " (expected: >= 0)");
        }
    }
}
