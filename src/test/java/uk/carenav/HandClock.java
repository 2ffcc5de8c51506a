package uk.carenav;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import uk.carenav.base.UkTime;

/** A clock in the service's zone that a test moves by hand, from 08:00 on 07/12/2026. */
public final class HandClock extends Clock {

    private Instant now = Instant.parse("2026-12-07T08:00:00Z");

    public void tick(Duration by) {
        now = now.plus(by);
    }

    /** Moves on by {@code seconds}, to the millisecond. */
    public void add(double seconds) {
        tick(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    @Override
    public ZoneId getZone() {
        return UkTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
