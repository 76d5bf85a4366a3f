package org.contactguard.core.calendar;

import java.util.Objects;

/**
 * A date in a year the calendar holds no data for: the caller cannot know whether it is a holiday,
 * so it must fail closed (deny), saying which calendar lacks which year.
 */
public final class MissingCalendarYearException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String calendar;
    private final int year;

    MissingCalendarYearException(String calendar, int year, String held) {
        super("holiday calendar " + calendar + " has no data for " + year + " (it holds " + held
                + "); add the year to its data file");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.year = year;
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
