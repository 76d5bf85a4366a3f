package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.contactguard.core.calendar.HolidayCalendar;
import org.contactguard.core.calendar.HolidayCalendars;
import org.contactguard.core.calendar.MissingCalendarYearException;
import org.junit.jupiter.api.Test;

/** The local day a rule reads: the date in the pack's zone, as the calendar has it, and when the next fitting day starts. */
class LocalDayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026 only: a Friday holiday, a Saturday worked instead, and the year's last day off. */
    private static final HolidayCalendar CALENDAR = HolidayCalendars.parse("""
            id = T
            name = Test
            weekend = SATURDAY SUNDAY
            year 2026 = fixture
            2026-10-02              holiday  Friday off
            2026-10-10              workday  Saturday worked
            2026-12-31              holiday  Year end
            """, "t.calendar");

    private static LocalDay at(String instant) {
        return LocalDay.at(CALENDAR, SHANGHAI, Instant.parse(instant));
    }

    @Test
    void theDateIsTheLocalOneInThePacksZone() {
        // 16:00 UTC on Thursday 1 October is already Friday 2 October in Shanghai (UTC+8).
        LocalDay day = at("2026-10-01T16:00:00Z");
        assertEquals("2026-10-02", day.date().toString());
        assertEquals(DayOfWeek.FRIDAY, day.dayOfWeek());
        assertTrue(day.holiday());
        assertFalse(day.workingDay());
        assertEquals("Friday off", day.name());
        assertFalse(at("2026-10-01T15:59:00Z").holiday(), "a minute before local midnight");
    }

    @Test
    void aWorkedSaturdayIsAWorkingWeekendDay() {
        LocalDay day = at("2026-10-10T02:00:00Z");
        assertTrue(day.workingDay());
        assertTrue(day.weekend());
        assertFalse(day.holiday());
    }

    @Test
    void theNextFittingDayStartsAtLocalMidnight() {
        LocalDay friday = at("2026-10-02T02:00:00Z");
        assertEquals(Instant.parse("2026-10-02T16:00:00Z"), friday.nextDayStart());
        assertEquals(Instant.parse("2026-10-02T16:00:00Z"), friday.nextNonHolidayStart(), "Saturday 3rd");
        assertEquals(Instant.parse("2026-10-02T16:00:00Z"), friday.nextWeekdayOrSaturdayStart(), "Saturday 3rd");
        assertEquals(Instant.parse("2026-10-04T16:00:00Z"), friday.nextWorkingDayStart(), "Monday 5th");
    }

    @Test
    void aNextDayInAYearTheCalendarLacksIsNotKnown() {
        LocalDay yearEnd = at("2026-12-31T02:00:00Z");
        assertNull(yearEnd.nextWorkingDayStart());
        assertNull(yearEnd.nextNonHolidayStart());
        assertNull(yearEnd.nextWeekdayOrSaturdayStart());
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), yearEnd.nextDayStart());
    }

    @Test
    void aDateInAYearTheCalendarLacksCannotBeToldAtAll() {
        MissingCalendarYearException missing = assertThrows(MissingCalendarYearException.class,
                () -> at("2026-12-31T16:00:00Z"));
        assertEquals("T", missing.calendar());
        assertEquals(2027, missing.year());
    }
}
