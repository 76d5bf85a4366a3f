package org.contactguard.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one local date is in a {@link HolidayCalendar}.
 *
 * @param date the date
 * @param holiday a public or statutory holiday, or a day off the holiday arrangement adds (China's
 *     bridged days)
 * @param workingDay an ordinary working day: not a holiday, and either not a weekend day or a
 *     make-up working day (China's 调休上班)
 * @param name the holiday's or make-up day's name as the data file gives it, null for an ordinary day
 */
public record CalendarDay(LocalDate date, boolean holiday, boolean workingDay, String name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        if (holiday && workingDay) {
            throw new IllegalArgumentException(date + " cannot be both a holiday and a working day");
        }
    }

    /** A weekend day worked in exchange for a bridged holiday (China's 调休). */
    public boolean makeUpWorkingDay() {
        return workingDay && name != null;
    }
}
