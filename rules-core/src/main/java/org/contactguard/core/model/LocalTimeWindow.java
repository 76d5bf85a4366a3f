package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.required;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily span of local time, half-open {@code [from, to)}, that wraps past midnight when {@code to}
 * is before {@code from} (22:00-08:00 is the night). Used for waking hours, inconvenient times and
 * agreed contact times.
 */
public record LocalTimeWindow(LocalTime from, LocalTime to) {

    public LocalTimeWindow {
        required(from, "from");
        required(to, "to");
        // An empty window and a whole-day window would both be spelled from == to; refuse to guess.
        if (from.equals(to)) {
            throw new InvalidInputException("to", "must differ from from");
        }
    }

    /** Whether {@code t} falls in the window: {@code from} is inside, {@code to} is not. */
    public boolean contains(LocalTime t) {
        Objects.requireNonNull(t, "t");
        boolean afterStart = !t.isBefore(from);
        boolean beforeEnd = t.isBefore(to);
        return from.isBefore(to) ? afterStart && beforeEnd : afterStart || beforeEnd;
    }
}
