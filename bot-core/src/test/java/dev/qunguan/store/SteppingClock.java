package dev.qunguan.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second forward each time it is read, so every stamp is distinct and ordered. */
final class SteppingClock extends Clock {
    private final AtomicLong nextSecond;

    SteppingClock(Instant start) {
        this.nextSecond = new AtomicLong(start.getEpochSecond());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(nextSecond.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("fixed to UTC");
    }
}
