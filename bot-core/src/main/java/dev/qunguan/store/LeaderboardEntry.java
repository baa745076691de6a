package dev.qunguan.store;

/** One line of a check-in leaderboard; {@code value} is the streak or the total, as asked. */
public record LeaderboardEntry(String userId, String displayName, int value) {}
