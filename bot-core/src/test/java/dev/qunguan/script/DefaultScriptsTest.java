package dev.qunguan.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qunguan.config.BotConfig;
import dev.qunguan.event.ChatRef;
import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DefaultScriptsTest {
    private static final ChatRef CHAT = ChatRef.of("test", "1");

    private static ChatScript script(String locale) {
        return ScriptBooks.defaults(locale).forChat(CHAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "zh-TW", "en"})
    void everyLocaleDefinesEveryKeyUsingOnlyItsVariables(String locale) {
        ChatScript script = script(locale);
        for (String key : ScriptKeys.all()) {
            String source = script.template(key);
            assertThat(source).as(locale + " " + key).isNotBlank();
            Set<String> allowed = ScriptKeys.variables(key).orElseThrow();
            assertThat(Template.parse(source).variables()).as(locale + " " + key).isSubsetOf(allowed);
        }
        assertThat(script.rules()).isNotBlank();
        assertThat(script.settings().locale()).isEqualTo(locale);
    }

    @Test
    void shipsOneScriptPerConfigurableLocale() {
        for (String locale : BotConfig.LOCALES) {
            assertThat(script(locale).settings().locale()).isEqualTo(locale);
        }
    }

    @Test
    void zhCnDefaultsCarryTheDocumentedSettings() {
        ChatSettings settings = script("zh-CN").settings();

        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(settings.groupName()).isEqualTo("本群");
        assertThat(settings.welcomeStyle()).isEqualTo("简洁");
        assertThat(settings.welcomeMergeWindow()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.faqCooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.checkInTriggers()).containsExactly("签到", "打卡");
        assertThat(settings.checkInThemes()).containsExactly("读书", "健身", "早起", "学习", "运动", "背单词", "跑步");
        assertThat(settings.leaderboardTriggers()).containsExactly("签到排行", "打卡排行");
        assertThat(settings.leaderboardSize()).isEqualTo(10);
        assertThat(settings.rulesTriggers()).containsExactly("群规", "/rules");
        assertThat(settings.moderation())
                .isEqualTo(new ModerationSettings(true, "normal", 2, Duration.ofMinutes(10), 3, Duration.ofDays(30)));
    }

    @Test
    void everyLocaleKeepsTheChineseCheckInTriggers() {
        for (String locale : BotConfig.LOCALES) {
            assertThat(script(locale).settings().checkInTriggers()).as(locale).contains("打卡");
            assertThat(script(locale).settings().timeZone()).as(locale).isEqualTo(ZoneId.of("Asia/Shanghai"));
        }
        assertThat(script("en").settings().groupName()).isEqualTo("this group");
    }

    @Test
    void welcomeMessageMentionsTheMemberWhereTheTemplateNamesThem() {
        Segment.Mention xiaohong = new Segment.Mention("55501", "小红", false);

        Message message = script("zh-CN").renderMessage("welcome.简洁", Map.of("member", "小红"),
                Map.of("member", List.of(xiaohong)));

        assertThat(message.mentionedMembers()).containsExactly(xiaohong);
        assertThat(message.plainText()).doesNotContain("小红").contains("欢迎");
    }

    @Test
    void mergedWelcomeMentionsEveryNewcomer() {
        List<Segment.Mention> newcomers = List.of(new Segment.Mention("1", "甲", false),
                new Segment.Mention("2", "乙", false));

        Message message = script("zh-CN").renderMessage("welcome-many.简洁", Map.of("count", "2"),
                Map.of("members", newcomers));

        assertThat(message.mentionedMembers()).containsExactlyElementsOf(newcomers);
    }

    @Test
    void livelyWelcomeDiffersFromConciseAndHasEmoji() {
        ChatScript script = script("zh-CN");
        Map<String, String> vars = Map.of("member", "小王", "group", "读书会");

        String concise = script.render("welcome.简洁", vars);
        String lively = script.render("welcome.活泼", vars);

        assertThat(concise).contains("小王").contains("读书会").doesNotContain("🎉");
        assertThat(lively).contains("小王").contains("🎉");
        assertThat(lively).isNotEqualTo(concise);
    }

    @Test
    void mergedWelcomeNamesEveryNewcomerAndTheCount() {
        String text = script("zh-CN").render("welcome-many.简洁", Map.of("members", "小王、小李、小张", "count", "3"));

        assertThat(text).contains("小王、小李、小张").contains("3 位");
    }

    @Test
    void welcomeFillsTheRulesSummaryFromTheScriptWhenTheCallerLeavesItEmpty() {
        ChatScript script = script("zh-CN");

        String text = script.render("welcome.简洁", Map.of("member", "小王", "group", "本群", "rules_summary", ""));

        assertThat(text).contains("群规").contains("不发广告");
    }

    @Test
    void zhCnCheckInAlreadySaysAlreadyCheckedIn() {
        ChatScript script = script("zh-CN");
        Map<String, String> vars = Map.of("member", "小王", "streak", "3", "total", "9");

        assertThat(script.render("checkin.already", plus(vars, "activity", "签到"))).contains("已签到");
        assertThat(script.render("checkin.already", plus(vars, "activity", "读书打卡"))).contains("已读书打卡");
    }

    @Test
    void zhCnCheckInOkShowsOrderStreakAndTotal() {
        String text = script("zh-CN").render("checkin.ok",
                Map.of("member", "小王", "activity", "签到", "order", "3", "streak", "5", "total", "12"));

        assertThat(text).contains("第3位").contains("连续5天").contains("累计12天");
    }

    @Test
    void leaderboardPlacesBothRankings() {
        ChatScript script = script("zh-CN");
        String line = script.render("checkin.leaderboard.line", Map.of("rank", "1", "member", "小王", "value", "7"));

        String board = script.render("checkin.leaderboard",
                Map.of("activity", "签到", "by_streak", line, "by_total", "TOTALS"));

        assertThat(line).contains("1.").contains("小王").contains("7天");
        assertThat(board).contains("本群签到排行").contains(line).contains("TOTALS");
        assertThat(board.indexOf(line)).isLessThan(board.indexOf("TOTALS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "zh-TW", "en"})
    void warningNamesTheReasonAndTheLadderButCannotQuoteTheMessage(String locale) {
        ChatScript script = script(locale);
        String reason = script.render("moderation.reason.ad");

        String text = script.render("moderation.warned",
                Map.of("member", "M", "reason", reason, "count", "1", "mute_at", "2", "remove_at", "3"));

        assertThat(ScriptKeys.variables("moderation.warned").orElseThrow()).doesNotContain("text", "message");
        assertThat(text).contains(reason).contains("1").contains("2").contains("3");
        assertThat(script.render("moderation.reason.abuse")).isNotBlank().isNotEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "zh-TW", "en"})
    void adminHelpListsEveryCommand(String locale) {
        String help = script(locale).render("admin.help");

        assertThat(help).contains("/faq add", "/faq del", "/faq list", "/warn", "/unwarn", "/warnings",
                "/script set", "/script show", "/script reset");
    }

    @Test
    void introExplainsFeaturesAndConfiguration() {
        String intro = script("zh-CN").render("intro", Map.of());

        assertThat(intro).contains("本群", "欢迎", "签到", "广告", "/help", "/script set", "脚本文件");
    }

    @Test
    void scriptUsageShowsLiteralPlaceholderSyntax() {
        assertThat(script("zh-CN").render("script.usage")).contains("{member}").doesNotContain("{{");
    }

    @Test
    void zhTwUsesTraditionalCharacters() {
        ChatScript script = script("zh-TW");

        assertThat(script.render("checkin.already", Map.of("activity", "簽到"))).contains("已簽到");
        assertThat(script.rules()).contains("廣告").doesNotContain("广告");
        assertThat(script.settings().checkInTriggers()).contains("簽到");
    }

    @Test
    void defaultsCarryTheShippedFaq() {
        assertThat(script("zh-CN").faq()).isNotEmpty().allSatisfy(faq -> assertThat(faq.answer()).isNotBlank());
    }

    @Test
    void renderingAnUnknownKeyFails() {
        assertThatThrownBy(() -> script("zh-CN").render("no.such.key", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.key");
    }

    @Test
    void rejectsAnUnknownLocale() {
        assertThatThrownBy(() -> ScriptBooks.defaults("fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr");
    }

    private static Map<String, String> plus(Map<String, String> vars, String key, String value) {
        HashMap<String, String> all = new HashMap<>(vars);
        all.put(key, value);
        return all;
    }
}
