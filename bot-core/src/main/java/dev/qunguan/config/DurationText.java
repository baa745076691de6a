package dev.qunguan.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in config and reply scripts: 500ms, 20s, 10m, 1h, 30d, a
 * combination such as 1h30m, or ISO-8601 (PT3S). The one parser for both, so they accept the same text.
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)\\s*");

    private DurationText() {}

    /** @throws IllegalArgumentException naming the text when it is not a duration */
    public static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (end < trimmed.length() && m.find(end) && m.start() == end) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = m.end();
        }
        if (end > 0 && end == trimmed.length()) {
            return total;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 500ms, 20s, 10m, 1h, 30d)");
        }
    }

    /** The shortest exact form, for writing back: 20s, 10m, 30d. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000L == 0 && millis != 0) {
            return millis / 86_400_000L + "d";
        }
        if (millis % 3_600_000L == 0 && millis != 0) {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0 && millis != 0) {
            return millis / 60_000L + "m";
        }
        if (millis % 1000L == 0) {
            return millis / 1000L + "s";
        }
        return millis + "ms";
    }
}
