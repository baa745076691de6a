package dev.qunguan.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in config and scripts: 500ms, 20s, 10m, 1h, 30d (or ISO PT3S). */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationText() {}

    /** @throws IllegalArgumentException naming the text when it is not a duration */
    public static Duration parse(String text) {
        String trimmed = text.strip();
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(trimmed);
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
