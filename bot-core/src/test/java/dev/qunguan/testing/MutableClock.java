package dev.qunguan.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A clock tests move by hand, for streaks across days, cooldowns, warning expiry and pacing. */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    private MutableClock(Instant now, ZoneId zone) {
        this.now = Objects.requireNonNull(now, "now");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public static MutableClock at(Instant now) {
        return new MutableClock(now, ZoneId.of("Asia/Shanghai"));
    }

    public static MutableClock at(Instant now, ZoneId zone) {
        return new MutableClock(now, zone);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }
}
