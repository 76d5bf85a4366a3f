package org.contactguard.core.engine;

import java.util.Objects;
import org.contactguard.core.calendar.MissingCalendarYearException;

/**
 * A pack's rules read the local day ({@code LocalDay}) in a holiday calendar that has no data for
 * the year of the moment being evaluated: the engine cannot know whether it is a holiday, so the
 * decision fails closed with {@code CALENDAR-UNAVAILABLE}.
 */
public final class CalendarYearUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pack;
    private final String calendar;
    private final int year;

    CalendarYearUnavailableException(String pack, MissingCalendarYearException cause) {
        super("pack " + pack + ": " + cause.getMessage(), cause);
        this.pack = Objects.requireNonNull(pack, "pack");
        this.calendar = cause.calendar();
        this.year = cause.year();
    }

    /** The pack whose rules read the calendar. */
    public String pack() {
        return pack;
    }

    /** The calendar's id. */
    public String calendar() {
        return calendar;
    }

    /** The year it lacks. */
    public int year() {
        return year;
    }
}
