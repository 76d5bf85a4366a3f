package org.contactguard.core.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Predicate;
import org.contactguard.core.calendar.CalendarDay;
import org.contactguard.core.calendar.HolidayCalendar;
import org.contactguard.core.calendar.MissingCalendarYearException;

/**
 * The local date of the proposed action in a pack's jurisdiction, as one of the holiday calendars
 * the pack declares ({@code pack.calendars = IE} beside {@code pack.zone}) sees it: a rule reads
 * {@code LocalDay(calendar == "IE", holiday == true)} or {@code LocalDay(dayOfWeek == DayOfWeek.SUNDAY)}.
 *
 * <p>The engine derives one per declared calendar at every moment it evaluates. A date in a year
 * the calendar has no data for cannot be known to be a working day, so the engine does not derive
 * one: it denies the decision with {@code CALENDAR-UNAVAILABLE}, naming the calendar and the year.
 *
 * @param calendar the calendar's id ({@code CN}, {@code IE}, {@code UK-ENG-WLS}, …)
 * @param date the action's local date in {@code zone}
 * @param dayOfWeek that date's day of the week
 * @param holiday a public or statutory holiday (or a bridged day off) in that calendar
 * @param workingDay a working day: not a holiday, and not a weekend day unless worked instead
 * @param name the holiday's or make-up day's name, or null
 * @param zone the pack's zone, where each date starts at local midnight
 * @param source the calendar itself, for the moments that follow
 */
public record LocalDay(String calendar, LocalDate date, DayOfWeek dayOfWeek, boolean holiday, boolean workingDay,
        String name, ZoneId zone, HolidayCalendar source) {

    /** How far ahead {@link #nextWorkingDayStart} and {@link #nextNonHolidayStart} look: no calendar rests longer. */
    private static final int MAX_DAYS_AHEAD = 31;

    public LocalDay {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The action's local date at {@code at} in {@code zone}, as {@code calendar} has it.
     *
     * @throws MissingCalendarYearException when the calendar has no data for that date's year
     */
    public static LocalDay at(HolidayCalendar calendar, ZoneId zone, Instant at) {
        LocalDate date = LocalDate.ofInstant(at, zone);
        CalendarDay day = calendar.day(date);
        return new LocalDay(calendar.id(), date, date.getDayOfWeek(), day.holiday(), day.workingDay(), day.name(), zone,
                calendar);
    }

    /** Whether the date is a Saturday or Sunday (whatever the calendar's working days). */
    public boolean weekend() {
        return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
    }

    /** The next local midnight: when the date ends. */
    public Instant nextDayStart() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Local midnight of the first later date that is a working day in the calendar, or null when
     * that is not known (the calendar lacks the year, or none comes within a month): the finding
     * then objects with no known end, which fails closed.
     */
    public Instant nextWorkingDayStart() {
        return nextStart(CalendarDay::workingDay);
    }

    /** Local midnight of the first later date that is not a holiday, or null as for {@link #nextWorkingDayStart}. */
    public Instant nextNonHolidayStart() {
        return nextStart(day -> !day.holiday());
    }

    /**
     * Local midnight of the first later date that is neither a Sunday nor a holiday, or null as for
     * {@link #nextWorkingDayStart}: Ireland's s.46 and the UK's Sunday guidance read so.
     */
    public Instant nextWeekdayOrSaturdayStart() {
        return nextStart(day -> day.date().getDayOfWeek() != DayOfWeek.SUNDAY && !day.holiday());
    }

    /** Local midnight of the first later date that {@code fits}, within a month and the calendar's years, or null. */
    private Instant nextStart(Predicate<CalendarDay> fits) {
        LocalDate next = date.plusDays(1);
        for (int i = 0; i < MAX_DAYS_AHEAD; i++, next = next.plusDays(1)) {
            if (!source.covers(next)) {
                return null;
            }
            if (fits.test(source.day(next))) {
                return next.atStartOfDay(zone).toInstant();
            }
        }
        return null;
    }
}
