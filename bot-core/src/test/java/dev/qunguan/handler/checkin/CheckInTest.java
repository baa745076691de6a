package dev.qunguan.handler.checkin;

import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckInTest {
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;

    private ChatTester tester;

    @BeforeEach
    void start() {
        tester = ChatTester.create(dir);
    }

    @AfterEach
    void stop() {
        tester.close();
    }

    @Test
    void firstCheckInOfTheDayIsFirstPlaceWithAOneDayStreak() {
        tester.as("小明").says("签到").shouldReplyContaining("第1位", "连续1天");
    }

    @Test
    void secondCheckInOnTheSameDayIsRefusedAndCountsNothing() {
        tester.as("小明").says("签到");

        tester.as("小明").says("签到").shouldReplyContaining("已签到").shouldNotContain("第2位");
        tester.as("小红").says("签到").shouldReplyContaining("第2位");
        tester.clock().advance(DAY);
        tester.as("小明").says("签到").shouldReplyContaining("第1位", "连续2天");
    }

    @Test
    void streakGrowsDayByDayAndStartsAgainAfterAMissedDay() {
        tester.as("小明").says("签到");
        tester.clock().advance(DAY);
        tester.as("小明").says("签到");
        tester.clock().advance(DAY);
        tester.as("小明").says("签到").shouldReplyContaining("连续3天");

        tester.clock().advance(DAY.multipliedBy(2));

        tester.as("小明").says("签到").shouldReplyContaining("连续1天");
    }

    @Test
    void dayEndsAtMidnightShanghaiTimeNotUtc() {
        tester.clock().set(Instant.parse("2025-03-10T15:59:00Z")); // 23:59 in Shanghai
        tester.as("小明").says("签到").shouldReplyContaining("连续1天");

        tester.clock().advance(Duration.ofMinutes(2)); // 00:01 the next day in Shanghai, same UTC day

        tester.as("小明").says("签到").shouldReplyContaining("第1位", "连续2天");
    }

    @Test
    void themedCheckInKeepsItsOwnTally() {
        tester.as("小明").says("签到");

        tester.as("小明").says("读书打卡").shouldReplyContaining("读书打卡", "第1位", "连续1天");
        tester.as("小明").says("读书打卡").shouldReplyContaining("已");
        tester.as("小明").says("健身签到").shouldReplyContaining("第1位");
    }

    @Test
    void leaderboardNamesMembersByDisplayName() {
        tester.as("小明").says("签到");
        tester.as("小红").says("签到");
        tester.clock().advance(DAY);
        tester.as("小红").says("签到");

        tester.as("小刚").says("签到排行").shouldSendMessages(1).shouldReplyContaining("小红", "小明");
    }

    @Test
    void themedLeaderboardIsEmptyUntilSomeoneChecksInWithThatTheme() {
        tester.as("小明").says("签到");

        tester.as("小刚").says("读书打卡排行").shouldSendMessages(1).shouldNotContain("小明");
        tester.as("小明").says("读书打卡");
        tester.as("小刚").says("读书打卡排行").shouldReplyContaining("小明");
    }

    @Test
    void checkInIsRememberedAcrossARestart() {
        tester.as("小明").says("签到");

        tester.restart();

        tester.as("小明").says("签到").shouldReplyContaining("已签到");
    }

    @Test
    void checkInWordInsideASentenceIsOrdinaryChat() {
        tester.as("小明").says("我今天忘了签到了").shouldSayNothing();
    }
}
