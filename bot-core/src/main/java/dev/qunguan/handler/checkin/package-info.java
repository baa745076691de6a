/** Daily check-ins (签到/打卡) with streaks, themes and leaderboards. */
@NullMarked
package dev.qunguan.handler.checkin;

import org.jspecify.annotations.NullMarked;
