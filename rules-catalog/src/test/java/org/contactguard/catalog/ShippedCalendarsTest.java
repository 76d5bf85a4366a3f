package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contactguard.core.calendar.HolidayCalendar;
import org.contactguard.core.calendar.HolidayCalendars;
import org.contactguard.core.calendar.MissingCalendarYearException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The holiday calendars the catalog ships load, cover their years, and give the dates their sources
 * give, both sides of each edge a rule would care about.
 */
class ShippedCalendarsTest {

    private static final Map<String, HolidayCalendar> CALENDARS = HolidayCalendars.catalog();

    private static HolidayCalendar calendar(String id) {
        return CALENDARS.get(id);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void everyShippedCalendarLoads() {
        assertEquals(Set.of("CN", "US-FEDERAL", "UK-ENG-WLS", "UK-SCT", "UK-NIR", "IE"), CALENDARS.keySet());
    }

    @Test
    void everyCalendarButChinaCovers2024To2027AndEachYearNamesItsSource() {
        for (HolidayCalendar c : CALENDARS.values()) {
            List<Integer> expected = c.id().equals("CN") ? List.of(2024, 2025, 2026) : List.of(2024, 2025, 2026, 2027);
            assertEquals(expected, c.years(), c.id());
            expected.forEach(year -> assertFalse(c.source(year).isBlank(), c.id() + " " + year));
        }
    }

    @Nested
    class China {

        @Test
        void aSundayWorkedForTheSpringFestivalIsAWorkingDayAndTheSaturdayBeforeIsNot() {
            assertTrue(calendar("CN").day(date("2024-02-04")).makeUpWorkingDay());
            assertFalse(calendar("CN").isWorkingDay(date("2024-02-03")));
        }

        @Test
        void theSpringFestival2026RunsFromTheFifteenthToTheTwentyThird() {
            assertFalse(calendar("CN").isHoliday(date("2026-02-14")));
            assertTrue(calendar("CN").isWorkingDay(date("2026-02-14")));
            assertTrue(calendar("CN").isHoliday(date("2026-02-15")));
            assertTrue(calendar("CN").isHoliday(date("2026-02-23")));
            assertTrue(calendar("CN").isWorkingDay(date("2026-02-24")));
        }

        @Test
        void aWeekdayBridgedIntoAHolidayIsNoWorkingDay() {
            // Monday 5 May 2025: Labour Day holiday, paid for by working Sunday 27 April.
            assertTrue(calendar("CN").isHoliday(date("2025-05-05")));
            assertTrue(calendar("CN").isWorkingDay(date("2025-04-27")));
        }

        @Test
        void nationalDay2025LastsEightDaysWithMidAutumn() {
            assertTrue(calendar("CN").isHoliday(date("2025-10-08")));
            assertFalse(calendar("CN").isHoliday(date("2025-10-09")));
            assertTrue(calendar("CN").isWorkingDay(date("2025-10-11")));
        }

        @Test
        void anyDateIn2027FailsClosedNamingTheCalendar() {
            MissingCalendarYearException e = assertThrows(MissingCalendarYearException.class,
                    () -> calendar("CN").day(date("2027-01-01")));
            assertEquals("CN", e.calendar());
            assertTrue(calendar("CN").isWorkingDay(date("2026-12-31")));
        }
    }

    @Nested
    class UnitedStates {

        @Test
        void aHolidayOnASaturdayIsObservedTheFridayBefore() {
            assertTrue(calendar("US-FEDERAL").isHoliday(date("2026-07-03")));
            assertFalse(calendar("US-FEDERAL").isHoliday(date("2026-07-06")));
        }

        @Test
        void aHolidayOnASundayIsObservedTheMondayAfter() {
            assertTrue(calendar("US-FEDERAL").isHoliday(date("2027-07-05")));
            assertTrue(calendar("US-FEDERAL").isWorkingDay(date("2027-07-02")));
        }

        @Test
        void newYear2028OnASaturdayIsObservedOnTheLastDayOf2027() {
            assertTrue(calendar("US-FEDERAL").isHoliday(date("2027-12-31")));
            assertTrue(calendar("US-FEDERAL").isWorkingDay(date("2027-12-30")));
        }

        @Test
        void thanksgivingIsTheFourthThursdayOfNovember() {
            assertTrue(calendar("US-FEDERAL").isHoliday(date("2026-11-26")));
            assertTrue(calendar("US-FEDERAL").isWorkingDay(date("2026-11-19")));
        }
    }

    @Nested
    class UnitedKingdomPerNation {

        @Test
        void easterMondayIsABankHolidayInEnglandAndNorthernIrelandButNotInScotland() {
            LocalDate easterMonday = date("2026-04-06");
            assertTrue(calendar("UK-ENG-WLS").isHoliday(easterMonday));
            assertTrue(calendar("UK-NIR").isHoliday(easterMonday));
            assertFalse(calendar("UK-SCT").isHoliday(easterMonday));
        }

        @Test
        void scotlandsSummerHolidayIsEarlyAugustAndEnglandsLate() {
            assertTrue(calendar("UK-SCT").isHoliday(date("2025-08-04")));
            assertFalse(calendar("UK-ENG-WLS").isHoliday(date("2025-08-04")));
            assertTrue(calendar("UK-ENG-WLS").isHoliday(date("2025-08-25")));
        }

        @Test
        void saintAndrewsDayOnASaturdayMovesToTheMonday() {
            assertTrue(calendar("UK-SCT").isHoliday(date("2024-12-02")));
            assertFalse(calendar("UK-SCT").isHoliday(date("2024-12-03")));
        }

        @Test
        void theBoyneOnASaturdayMovesToTheMondayInNorthernIrelandOnly() {
            assertTrue(calendar("UK-NIR").isHoliday(date("2025-07-14")));
            assertFalse(calendar("UK-ENG-WLS").isHoliday(date("2025-07-14")));
        }

        @Test
        void christmasOnASaturdayGivesTheMondayAndTuesdayAfter() {
            assertTrue(calendar("UK-ENG-WLS").isHoliday(date("2027-12-27")));
            assertTrue(calendar("UK-ENG-WLS").isHoliday(date("2027-12-28")));
            assertTrue(calendar("UK-ENG-WLS").isWorkingDay(date("2027-12-29")));
        }
    }

    @Nested
    class Ireland {

        @Test
        void saintBrigidsDayIsTheFirstMondayOfFebruaryUnlessTheFirstIsAFriday() {
            assertTrue(calendar("IE").isHoliday(date("2026-02-02")));
            assertTrue(calendar("IE").isHoliday(date("2027-02-01")));
            assertTrue(calendar("IE").isWorkingDay(date("2027-02-02")));
        }

        @Test
        void theOctoberHolidayIsTheLastMondayOfOctober() {
            assertTrue(calendar("IE").isHoliday(date("2026-10-26")));
            assertTrue(calendar("IE").isWorkingDay(date("2026-10-19")));
        }
    }
}
