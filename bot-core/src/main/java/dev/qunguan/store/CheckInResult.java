package dev.qunguan.store;

/**
 * The outcome of one check-in.
 *
 * @param accepted  false when the member had already checked in that day (nothing was recorded)
 * @param orderToday this member's place among the day's check-ins (1 = first)
 * @param streak    consecutive days up to and including that day
 * @param totalDays all days this member has checked in
 */
public record CheckInResult(boolean accepted, int orderToday, int streak, int totalDays) {}
