package dev.qunguan.store;

import dev.qunguan.testing.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcCheckInStoreTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");
    private static final ChatRef OTHER_GROUP = ChatRef.of("onebot", "20002");
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private static final String PLAIN = "";

    @TempDir
    Path dir;

    private Database database;
    private CheckInStore checkIns;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir),
                new SteppingClock(Instant.parse("2025-03-03T00:00:00Z")));
        checkIns = database.stores().checkIns();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static UserRef member(String id) {
        return UserRef.member(id, "成员" + id);
    }

    @Test
    void firstCheckInStartsAStreakOfOne() {
        assertThat(checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY))
                .isEqualTo(new CheckInResult(true, 1, 1, 1));
    }

    @Test
    void consecutiveDaysGrowTheStreak() {
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY);
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(1));

        CheckInResult third = checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(2));

        assertThat(third).isEqualTo(new CheckInResult(true, 1, 3, 3));
    }

    @Test
    void missedDayResetsTheStreakButKeepsTheTotal() {
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY);
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(1));

        CheckInResult afterGap = checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(3));

        assertThat(afterGap.streak()).isEqualTo(1);
        assertThat(afterGap.totalDays()).isEqualTo(3);
    }

    @Test
    void refusesSecondCheckInOnTheSameDayAndReportsTheFirst() {
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY);
        checkIns.checkIn(GROUP, member("b"), PLAIN, MONDAY);

        CheckInResult again = checkIns.checkIn(GROUP, member("b"), PLAIN, MONDAY);

        assertThat(again).isEqualTo(new CheckInResult(false, 2, 1, 1));
        assertThat(checkIns.topByTotal(GROUP, PLAIN, 10))
                .extracting(LeaderboardEntry::value).containsExactly(1, 1);
    }

    @Test
    void numbersTheDaysCheckInsInArrivalOrderPerChat() {
        assertThat(checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY).orderToday()).isEqualTo(1);
        assertThat(checkIns.checkIn(GROUP, member("b"), PLAIN, MONDAY).orderToday()).isEqualTo(2);
        assertThat(checkIns.checkIn(OTHER_GROUP, member("c"), PLAIN, MONDAY).orderToday()).isEqualTo(1);
        assertThat(checkIns.checkIn(GROUP, member("c"), PLAIN, MONDAY).orderToday()).isEqualTo(3);
        assertThat(checkIns.checkIn(GROUP, member("c"), PLAIN, MONDAY.plusDays(1)).orderToday()).isEqualTo(1);
    }

    @Test
    void themedCheckInsAreTalliedApartFromThePlainOne() {
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY);
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(1));

        CheckInResult running = checkIns.checkIn(GROUP, member("a"), "跑步", MONDAY.plusDays(1));
        CheckInResult plainAgain = checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(1));

        assertThat(running).isEqualTo(new CheckInResult(true, 1, 1, 1));
        assertThat(plainAgain).isEqualTo(new CheckInResult(false, 1, 2, 2));
    }

    @Test
    void lateCheckInThatClosesAGapJoinsTheTwoRuns() {
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY);
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(2));
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(3));

        CheckInResult late = checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(1));
        CheckInResult next = checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(4));

        assertThat(late).isEqualTo(new CheckInResult(true, 1, 2, 4));
        assertThat(next.streak()).isEqualTo(5);
        assertThat(next.totalDays()).isEqualTo(5);
    }

    @Test
    void lateCheckInBeforeAGapLeavesTheCurrentStreakAlone() {
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(5));
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY.plusDays(6));

        CheckInResult late = checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY);

        assertThat(late).isEqualTo(new CheckInResult(true, 1, 1, 3));
        assertThat(checkIns.topByStreak(GROUP, PLAIN, MONDAY.plusDays(6), 10))
                .containsExactly(new LeaderboardEntry("a", "成员a", 2));
    }

    @Test
    void streakLeaderboardShowsOnlyStreaksReachingTodayOrYesterday() {
        LocalDate today = MONDAY.plusDays(4);
        for (int day = 0; day < 3; day++) {
            checkIns.checkIn(GROUP, member("lapsed"), PLAIN, MONDAY.plusDays(day));
        }
        checkIns.checkIn(GROUP, member("yesterday"), PLAIN, today.minusDays(2));
        checkIns.checkIn(GROUP, member("yesterday"), PLAIN, today.minusDays(1));
        checkIns.checkIn(GROUP, member("today"), PLAIN, today);

        assertThat(checkIns.topByStreak(GROUP, PLAIN, today, 10)).containsExactly(
                new LeaderboardEntry("yesterday", "成员yesterday", 2),
                new LeaderboardEntry("today", "成员today", 1));
    }

    @Test
    void streakLeaderboardBreaksTiesByEarlierCheckIn() {
        checkIns.checkIn(GROUP, member("z"), PLAIN, MONDAY);
        checkIns.checkIn(GROUP, member("b"), PLAIN, MONDAY);
        checkIns.checkIn(GROUP, member("a"), PLAIN, MONDAY);

        assertThat(checkIns.topByStreak(GROUP, PLAIN, MONDAY, 2))
                .extracting(LeaderboardEntry::userId).containsExactly("z", "b");
    }

    @Test
    void totalLeaderboardCountsAllDaysIncludingLapsedMembers() {
        for (int day = 0; day < 3; day++) {
            checkIns.checkIn(GROUP, member("old-timer"), PLAIN, MONDAY.plusDays(day));
        }
        checkIns.checkIn(GROUP, member("newcomer"), PLAIN, MONDAY.plusDays(30));
        checkIns.checkIn(GROUP, member("runner"), "跑步", MONDAY.plusDays(30));
        checkIns.checkIn(OTHER_GROUP, member("elsewhere"), PLAIN, MONDAY);

        assertThat(checkIns.topByTotal(GROUP, PLAIN, 10)).containsExactly(
                new LeaderboardEntry("old-timer", "成员old-timer", 3),
                new LeaderboardEntry("newcomer", "成员newcomer", 1));
    }

    @Test
    void leaderboardShowsTheLatestDisplayName() {
        checkIns.checkIn(GROUP, UserRef.member("a", "小明"), PLAIN, MONDAY);
        checkIns.checkIn(GROUP, UserRef.member("a", "明哥"), PLAIN, MONDAY.plusDays(1));

        assertThat(checkIns.topByTotal(GROUP, PLAIN, 1)).containsExactly(new LeaderboardEntry("a", "明哥", 2));
    }

    @Test
    void rejectsANonPositiveLeaderboardLimit() {
        assertThatThrownBy(() -> checkIns.topByTotal(GROUP, PLAIN, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit: 0");
    }

    @Test
    void runEndingAtCountsOnlyTheUnbrokenDaysBeforeTheEnd() {
        List<LocalDate> newestFirst = List.of(
                MONDAY.plusDays(6), MONDAY.plusDays(4), MONDAY.plusDays(3), MONDAY.plusDays(2), MONDAY);

        assertThat(JdbcCheckInStore.runEndingAt(newestFirst, MONDAY.plusDays(6))).isEqualTo(1);
        assertThat(JdbcCheckInStore.runEndingAt(newestFirst, MONDAY.plusDays(4))).isEqualTo(3);
        assertThat(JdbcCheckInStore.runEndingAt(newestFirst, MONDAY.plusDays(5))).isZero();
    }
}
