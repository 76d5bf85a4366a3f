package org.contactguard.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One jurisdiction's holidays and working days, for the years its data file covers (see
 * {@link HolidayCalendars} for the file format). Immutable and thread-safe.
 *
 * <pre>{@code
 * HolidayCalendar china = HolidayCalendars.catalog().get("CN");
 * china.day(LocalDate.parse("2026-02-14")).workingDay();   // true: a Saturday worked for the Spring Festival
 * china.day(LocalDate.parse("2027-03-01"));                // MissingCalendarYearException naming CN and 2027
 * }</pre>
 */
public final class HolidayCalendar {

    private final String id;
    private final String name;
    private final Set<DayOfWeek> weekend;
    private final SortedSet<Integer> years;
    private final Map<Integer, String> sources;
    private final Map<LocalDate, Entry> entries;

    /** A date the file names: a holiday or a make-up working day. */
    record Entry(boolean holiday, String name) {
    }

    HolidayCalendar(String id, String name, Set<DayOfWeek> weekend, SortedSet<Integer> years,
            Map<Integer, String> sources, Map<LocalDate, Entry> entries) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.weekend = Set.copyOf(weekend);
        this.years = new TreeSet<>(years);
        this.sources = Map.copyOf(sources);
        this.entries = Map.copyOf(entries);
    }

    /** The calendar's id, e.g. {@code CN}, {@code US-FEDERAL}, {@code UK-SCT}. */
    public String id() {
        return id;
    }

    /** What the calendar is, in words. */
    public String name() {
        return name;
    }

    /** The days of the week that are not working days unless the file makes them one. */
    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    /** The years the file covers, ascending. */
    public List<Integer> years() {
        return List.copyOf(years);
    }

    /** Where the file's dates for {@code year} come from, or null when the year is not covered. */
    public String source(int year) {
        return sources.get(year);
    }

    /** Whether the file covers {@code date}'s year. */
    public boolean covers(LocalDate date) {
        return years.contains(date.getYear());
    }

    /**
     * What {@code date} is.
     *
     * @throws MissingCalendarYearException when the file does not cover its year: fail closed
     */
    public CalendarDay day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!covers(date)) {
            throw new MissingCalendarYearException(id, date.getYear(), years.toString());
        }
        Entry entry = entries.get(date);
        if (entry != null) {
            return new CalendarDay(date, entry.holiday(), !entry.holiday(), entry.name());
        }
        return new CalendarDay(date, false, !weekend.contains(date.getDayOfWeek()), null);
    }

    /** Whether {@code date} is a holiday; see {@link #day}. */
    public boolean isHoliday(LocalDate date) {
        return day(date).holiday();
    }

    /** Whether {@code date} is a working day; see {@link #day}. */
    public boolean isWorkingDay(LocalDate date) {
        return day(date).workingDay();
    }

    @Override
    public String toString() {
        return id + " (" + name + ", " + years + ")";
    }
}
