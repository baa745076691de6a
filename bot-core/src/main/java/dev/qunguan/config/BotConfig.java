package dev.qunguan.config;

import java.util.List;
import java.util.Objects;

/**
 * The bot's behaviour across groups.
 *
 * @param admins             user ids (or {@code platform:id}) with admin rights in every group
 * @param locale             default script locale for groups without their own: zh-CN, zh-TW or en
 * @param scriptsDir         per-group script files: {@code <dir>/default.yaml}, {@code <dir>/<platform>/<group>.yaml}
 * @param sendLimitPerMinute messages the bot sends to one group per minute before it merges the rest
 */
public record BotConfig(List<String> admins, String locale, String scriptsDir, int sendLimitPerMinute) {
    public static final List<String> LOCALES = List.of("zh-CN", "zh-TW", "en");

    public BotConfig {
        admins = List.copyOf(admins);
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(scriptsDir, "scriptsDir");
        if (!LOCALES.contains(locale)) {
            throw new IllegalArgumentException("bot.locale: " + locale + " (expected: one of " + LOCALES + ")");
        }
        if (sendLimitPerMinute <= 0) {
            throw new IllegalArgumentException("bot.send-limit-per-minute: " + sendLimitPerMinute + " (expected: > 0)");
        }
    }

    public static BotConfig defaults() {
        return new BotConfig(List.of(), "zh-CN", "reply-scripts", 20);
    }
}
