package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import java.time.LocalDate;
import java.util.List;

/**
 * Check-in tallies, one per chat, member, theme (empty for the plain 签到) and day. Checking in twice on
 * one day records nothing the second time. Durable when it returns.
 */
public interface CheckInStore {
    CheckInResult checkIn(ChatRef chat, UserRef member, String theme, LocalDate day);

    /** Members with the longest current streak (a streak is current if it reaches today or yesterday). */
    List<LeaderboardEntry> topByStreak(ChatRef chat, String theme, LocalDate today, int limit);

    /** Members with the most check-in days in total. */
    List<LeaderboardEntry> topByTotal(ChatRef chat, String theme, int limit);
}
