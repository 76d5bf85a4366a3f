package org.contactguard.core.model;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalTime;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Invariants of {@link LocalTimeWindow} over the whole day, wrapping or not. */
class LocalTimeWindowProperties {

    private static final long LAST_NANO_OF_DAY = 86_399_999_999_999L;

    /** A window and its reverse split the day: every moment is in exactly one of them. */
    @Property
    void windowAndItsReverseCoverTheDayWithoutOverlap(
            @ForAll @LongRange(max = LAST_NANO_OF_DAY) long fromNanos,
            @ForAll @LongRange(max = LAST_NANO_OF_DAY) long toNanos,
            @ForAll @LongRange(max = LAST_NANO_OF_DAY) long tNanos) {
        Assume.that(fromNanos != toNanos);
        LocalTime from = LocalTime.ofNanoOfDay(fromNanos);
        LocalTime to = LocalTime.ofNanoOfDay(toNanos);
        LocalTime t = LocalTime.ofNanoOfDay(tNanos);
        assertNotEquals(new LocalTimeWindow(from, to).contains(t), new LocalTimeWindow(to, from).contains(t));
    }
}
