package org.contactguard.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Calendar files: what a date is, and every problem in a file reported with file:line. */
class HolidayCalendarsTest {

    private static final String SMALL = """
            # a small calendar
            id = XX
            name = Example
            weekend = SATURDAY SUNDAY
            year 2026 = an example notice
            2026-02-16..2026-02-18  holiday  Festival
            2026-02-14              workday  Festival make-up working day   # a Saturday
            """;

    private static HolidayCalendar small() {
        return HolidayCalendars.parse(SMALL, "small.calendar");
    }

    @Nested
    class WhatADateIs {

        @Test
        void aListedHolidayIsAHolidayAndNoWorkingDay() {
            CalendarDay day = small().day(LocalDate.parse("2026-02-17"));
            assertTrue(day.holiday());
            assertFalse(day.workingDay());
            assertEquals("Festival", day.name());
        }

        @Test
        void theDaysAroundAHolidayRangeAreOrdinary() {
            assertTrue(small().isWorkingDay(LocalDate.parse("2026-02-19")));
            assertFalse(small().isHoliday(LocalDate.parse("2026-02-19")));
            assertFalse(small().isHoliday(LocalDate.parse("2026-02-15")));
        }

        @Test
        void aMakeUpSaturdayIsAWorkingDayAndTheNextSaturdayIsNot() {
            CalendarDay makeUp = small().day(LocalDate.parse("2026-02-14"));
            assertTrue(makeUp.workingDay());
            assertTrue(makeUp.makeUpWorkingDay());
            assertFalse(small().isWorkingDay(LocalDate.parse("2026-02-21")));
        }

        @Test
        void anOrdinaryWeekdayIsAWorkingDayWithoutAName() {
            CalendarDay day = small().day(LocalDate.parse("2026-03-04"));
            assertTrue(day.workingDay());
            assertFalse(day.makeUpWorkingDay());
            assertNull(day.name());
        }

        @Test
        void aDateInAYearTheFileLacksFailsClosedNamingTheCalendarAndYear() {
            MissingCalendarYearException e = assertThrows(MissingCalendarYearException.class,
                    () -> small().day(LocalDate.parse("2027-01-01")));
            assertEquals("XX", e.calendar());
            assertEquals(2027, e.year());
            assertTrue(e.getMessage().startsWith("holiday calendar XX has no data for 2027"), e.getMessage());
        }

        @Test
        void theLastDayOfTheCoveredYearIsKnownAndTheFirstOfTheNextIsNot() {
            assertTrue(small().covers(LocalDate.parse("2026-12-31")));
            assertFalse(small().covers(LocalDate.parse("2027-01-01")));
            assertFalse(small().covers(LocalDate.parse("2025-12-31")));
        }

        @Test
        void eachYearKeepsItsSource() {
            assertEquals("an example notice", small().source(2026));
            assertEquals(List.of(2026), small().years());
        }
    }

    @Nested
    class ABrokenFile {

        private List<String> problems(String text) {
            return assertThrows(CalendarLoadException.class, () -> HolidayCalendars.parse(text, "bad.calendar")).problems();
        }

        @Test
        void aWorkdayOnAWeekdayIsAnError() {
            assertEquals(List.of("bad.calendar:8: 2026-03-02 is a MONDAY, already a working day: a workday line is "
                    + "for a weekend day worked instead"), problems(SMALL + "2026-03-02 workday Odd\n"));
        }

        @Test
        void aDateListedTwiceIsAnErrorNamingTheFirstLine() {
            assertEquals(List.of("bad.calendar:8: 2026-02-17 is already listed on line 6"),
                    problems(SMALL + "2026-02-17 holiday Again\n"));
        }

        @Test
        void aDateInAnUndeclaredYearIsAnError() {
            assertEquals(List.of("bad.calendar:8: 2027-01-01 is in 2027, which no 'year 2027 = source' line declares"),
                    problems(SMALL + "2027-01-01 holiday New Year\n"));
        }

        @Test
        void aYearDeclaredWithoutDatesIsAnError() {
            assertEquals(List.of("bad.calendar:8: year 2027 is declared but lists no date"),
                    problems(SMALL + "year 2027 = not published yet\n"));
        }

        @Test
        void aLineThatIsNothingKnownAndAMissingHeaderAreBothReportedInLineOrder() {
            List<String> found = problems("""
                    name = Example
                    weekend = SATURDAY SUNDAY
                    2026-13-01 holiday Nonsense
                    holiday on Tuesday
                    """);
            assertEquals(3, found.size(), found.toString());
            assertTrue(found.get(0).startsWith("bad.calendar:1: 'id = ...' is missing"), found.toString());
            assertTrue(found.get(1).startsWith("bad.calendar:3: not a date"), found.toString());
            assertTrue(found.get(2).startsWith("bad.calendar:4: expected"), found.toString());
        }

        @Test
        void aRangeThatEndsBeforeItStartsIsAnError() {
            assertEquals(List.of("bad.calendar:8: range ends before it starts: 2026-05-05..2026-05-01"),
                    problems(SMALL + "2026-05-05..2026-05-01 holiday Backwards\n"));
        }
    }
}
