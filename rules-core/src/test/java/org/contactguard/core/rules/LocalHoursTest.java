package org.contactguard.core.rules;

import static org.contactguard.core.rules.RulesFixtures.HOURS_08_TO_21;
import static org.contactguard.core.rules.RulesFixtures.KIRITIMATI;
import static org.contactguard.core.rules.RulesFixtures.LONDON;
import static org.contactguard.core.rules.RulesFixtures.LOS_ANGELES;
import static org.contactguard.core.rules.RulesFixtures.NEW_YORK;
import static org.contactguard.core.rules.RulesFixtures.PAGO_PAGO;
import static org.contactguard.core.rules.RulesFixtures.SHANGHAI;
import static org.contactguard.core.rules.RulesFixtures.local;
import static org.contactguard.core.rules.RulesFixtures.london;
import static org.contactguard.core.rules.RulesFixtures.newYork;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.contactguard.core.model.LocalTimeWindow;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocalHoursTest {

    static final List<ZoneId> NEW_YORK_ONLY = List.of(NEW_YORK);
    static final Instant AT_0759_LOCAL = newYork("2026-03-10T07:59");
    static final Instant AT_0800_LOCAL = newYork("2026-03-10T08:00");
    static final Instant AT_2059_LOCAL = newYork("2026-03-10T20:59");
    static final Instant AT_2100_LOCAL = newYork("2026-03-10T21:00");
    static final Instant NEXT_MORNING_0800 = newYork("2026-03-11T08:00");

    @Nested
    class PermittedHoursEdges {

        @Test
        void oneMinuteBeforeEightIsOutsideTheHours() {
            assertFalse(LocalHours.within(AT_0759_LOCAL, NEW_YORK, HOURS_08_TO_21));
        }

        @Test
        void eightOClockIsInsideTheHours() {
            assertTrue(LocalHours.within(AT_0800_LOCAL, NEW_YORK, HOURS_08_TO_21));
        }

        @Test
        void eightFiftyNineInTheEveningIsInsideTheHours() {
            assertTrue(LocalHours.within(AT_2059_LOCAL, NEW_YORK, HOURS_08_TO_21));
        }

        @Test
        void lastNanosecondBeforeNineInTheEveningIsInsideTheHours() {
            assertTrue(LocalHours.within(AT_2100_LOCAL.minusNanos(1), NEW_YORK, HOURS_08_TO_21));
        }

        @Test
        void nineInTheEveningIsOutsideTheHours() {
            assertFalse(LocalHours.within(AT_2100_LOCAL, NEW_YORK, HOURS_08_TO_21));
        }

        @Test
        void withinAllAgreesWithWithinForASingleZone() {
            for (Instant moment : List.of(AT_0759_LOCAL, AT_0800_LOCAL, AT_2059_LOCAL, AT_2100_LOCAL)) {
                assertEquals(LocalHours.within(moment, NEW_YORK, HOURS_08_TO_21),
                        LocalHours.withinAll(moment, NEW_YORK_ONLY, HOURS_08_TO_21), moment::toString);
            }
        }
    }

    @Nested
    class NextMomentWithinHours {

        @Test
        void momentAlreadyWithinHoursIsItsOwnNextMoment() {
            assertEquals(AT_0800_LOCAL, LocalHours.nextWithinAll(AT_0800_LOCAL, NEW_YORK_ONLY, HOURS_08_TO_21));
            assertEquals(AT_2059_LOCAL, LocalHours.nextWithinAll(AT_2059_LOCAL, NEW_YORK_ONLY, HOURS_08_TO_21));
        }

        @Test
        void oneMinuteBeforeEightWaitsOneMinute() {
            assertEquals(AT_0800_LOCAL, LocalHours.nextWithinAll(AT_0759_LOCAL, NEW_YORK_ONLY, HOURS_08_TO_21));
        }

        @Test
        void nineInTheEveningWaitsForEightNextMorning() {
            assertEquals(NEXT_MORNING_0800, LocalHours.nextWithinAll(AT_2100_LOCAL, NEW_YORK_ONLY, HOURS_08_TO_21));
        }

        @Test
        void justAfterMidnightWaitsForEightTheSameDay() {
            assertEquals(NEXT_MORNING_0800,
                    LocalHours.nextWithinAll(newYork("2026-03-11T00:01"), NEW_YORK_ONLY, HOURS_08_TO_21));
        }

        @Test
        void aMomentMustBeWithinHoursInEveryZone() {
            List<ZoneId> coasts = List.of(NEW_YORK, LOS_ANGELES);
            // 10:30 in New York is 07:30 in Los Angeles.
            assertFalse(LocalHours.withinAll(newYork("2026-03-10T10:30"), coasts, HOURS_08_TO_21));
            assertTrue(LocalHours.withinAll(newYork("2026-03-10T11:00"), coasts, HOURS_08_TO_21));
        }

        @Test
        void nextMomentWaitsForTheLastZoneToOpen() {
            List<ZoneId> coasts = List.of(NEW_YORK, LOS_ANGELES);
            assertEquals(newYork("2026-03-10T11:00"),
                    LocalHours.nextWithinAll(newYork("2026-03-10T10:30"), coasts, HOURS_08_TO_21));
        }

        @Test
        void nextMomentWaitsForTheLastZoneToOpenWhicheverOrderTheZonesAreListedIn() {
            List<ZoneId> coasts = List.of(LOS_ANGELES, NEW_YORK);
            // 20:30 in New York is 17:30 in Los Angeles: New York closes first and opens last.
            assertEquals(newYork("2026-03-11T11:00"),
                    LocalHours.nextWithinAll(newYork("2026-03-10T21:00"), coasts, HOURS_08_TO_21));
        }

        @Test
        void noZoneIsNeverWithinHoursAndHasNoNextMoment() {
            assertFalse(LocalHours.withinAll(AT_0800_LOCAL, List.of(), HOURS_08_TO_21));
            assertNull(LocalHours.nextWithinAll(AT_0800_LOCAL, List.of(), HOURS_08_TO_21));
        }

        @Test
        void windowThatWrapsPastMidnightOpensAtItsStart() {
            LocalTimeWindow night = new LocalTimeWindow(LocalTime.of(22, 0), LocalTime.of(6, 0));
            assertEquals(newYork("2026-03-10T22:00"),
                    LocalHours.nextWithinAll(newYork("2026-03-10T12:00"), NEW_YORK_ONLY, night));
            assertEquals(newYork("2026-03-10T22:00"),
                    LocalHours.nextWithinAll(newYork("2026-03-10T06:00"), NEW_YORK_ONLY, night));
            assertEquals(newYork("2026-03-11T05:59"),
                    LocalHours.nextWithinAll(newYork("2026-03-11T05:59"), NEW_YORK_ONLY, night));
        }
    }

    /** America/New_York skips 02:00-03:00 on 2026-03-08; Europe/London skips 01:00-02:00 on 2026-03-29. */
    @Nested
    class SpringForward {

        static final Instant NEW_YORK_GAP_ENDS = Instant.parse("2026-03-08T07:00:00Z");
        static final Instant LONDON_GAP_ENDS = Instant.parse("2026-03-29T01:00:00Z");

        @Test
        void fromTwoThirtyOnTheSpringForwardNightTheNextMomentIsEightThatMorning() {
            // 02:30 does not exist that night; read as a local time it moves forward by the gap, to 03:30 EDT.
            Instant twoThirty = newYork("2026-03-08T02:30");
            assertEquals(Instant.parse("2026-03-08T07:30:00Z"), twoThirty);
            assertEquals(Instant.parse("2026-03-08T12:00:00Z"),
                    LocalHours.nextWithinAll(twoThirty, NEW_YORK_ONLY, HOURS_08_TO_21));
        }

        @Test
        void fromOneFiftyNineOnTheSpringForwardNightEightIsOnlyFiveHoursAway() {
            Instant oneFiftyNine = newYork("2026-03-08T01:59");
            Instant next = LocalHours.nextWithinAll(oneFiftyNine, NEW_YORK_ONLY, HOURS_08_TO_21);
            assertEquals(newYork("2026-03-08T08:00"), next);
            assertEquals(Duration.ofHours(5).plusMinutes(1), Duration.between(oneFiftyNine, next));
        }

        @Test
        void nightBeforeSpringForwardIsAnHourShorter() {
            Instant nine = newYork("2026-03-07T21:00");
            Instant next = LocalHours.nextWithinAll(nine, NEW_YORK_ONLY, HOURS_08_TO_21);
            assertEquals(Instant.parse("2026-03-08T12:00:00Z"), next);
            assertEquals(Duration.ofHours(10), Duration.between(nine, next));
        }

        @Test
        void hoursEdgesHoldInDaylightTimeOnTheTransitionDay() {
            assertFalse(LocalHours.within(newYork("2026-03-08T07:59"), NEW_YORK, HOURS_08_TO_21));
            assertTrue(LocalHours.within(newYork("2026-03-08T08:00"), NEW_YORK, HOURS_08_TO_21));
            assertTrue(LocalHours.within(newYork("2026-03-08T20:59"), NEW_YORK, HOURS_08_TO_21));
            assertFalse(LocalHours.within(newYork("2026-03-08T21:00"), NEW_YORK, HOURS_08_TO_21));
        }

        @Test
        void inLondonFromOneThirtyOnTheSpringForwardNightTheNextMomentIsEightBritishSummerTime() {
            Instant oneThirty = london("2026-03-29T01:30");
            assertEquals(Instant.parse("2026-03-29T01:30:00Z"), oneThirty);
            assertEquals(Instant.parse("2026-03-29T07:00:00Z"),
                    LocalHours.nextWithinAll(oneThirty, List.of(LONDON), HOURS_08_TO_21));
        }

        @Test
        void windowStartingInTheGapOpensAfterTheGapAtAMomentInsideTheWindow() {
            LocalTimeWindow fromTwoThirty = new LocalTimeWindow(LocalTime.of(2, 30), LocalTime.of(21, 0));
            Instant next = LocalHours.nextWithinAll(newYork("2026-03-08T01:59"), NEW_YORK_ONLY, fromTwoThirty);
            assertNotNull(next);
            assertFalse(next.isBefore(NEW_YORK_GAP_ENDS), next::toString);
            assertTrue(LocalHours.within(next, NEW_YORK, fromTwoThirty), next::toString);
            assertEquals(LocalDate.of(2026, 3, 8), next.atZone(NEW_YORK).toLocalDate());
        }

        @Test
        void windowStartingInTheGapOpensTheMomentTheGapEnds() {
            LocalTimeWindow fromTwoThirty = new LocalTimeWindow(LocalTime.of(2, 30), LocalTime.of(21, 0));
            LocalTimeWindow fromOneThirty = new LocalTimeWindow(LocalTime.of(1, 30), LocalTime.of(21, 0));
            assertAll(
                    () -> assertEquals(NEW_YORK_GAP_ENDS,
                            LocalHours.nextWithinAll(newYork("2026-03-08T01:59"), NEW_YORK_ONLY, fromTwoThirty)),
                    () -> assertEquals(LONDON_GAP_ENDS,
                            LocalHours.nextWithinAll(london("2026-03-29T00:59"), List.of(LONDON), fromOneThirty)));
        }
    }

    /** America/New_York repeats 01:00-02:00 on 2026-11-01; Europe/London repeats 01:00-02:00 on 2026-10-25. */
    @Nested
    class FallBack {

        static final Instant NEW_YORK_FIRST_0130 = Instant.parse("2026-11-01T05:30:00Z");
        static final Instant NEW_YORK_SECOND_0130 = Instant.parse("2026-11-01T06:30:00Z");
        static final Instant NEW_YORK_EIGHT = Instant.parse("2026-11-01T13:00:00Z");
        static final LocalTimeWindow FROM_ONE_THIRTY = new LocalTimeWindow(LocalTime.of(1, 30), LocalTime.of(21, 0));

        @Test
        void repeatedHourIsTwoInstantsWithTheSameLocalTime() {
            assertEquals(NEW_YORK_FIRST_0130.atZone(NEW_YORK).toLocalTime(),
                    NEW_YORK_SECOND_0130.atZone(NEW_YORK).toLocalTime());
            LocalTimeWindow repeatedHour = new LocalTimeWindow(LocalTime.of(1, 0), LocalTime.of(2, 0));
            assertTrue(LocalHours.within(NEW_YORK_FIRST_0130, NEW_YORK, repeatedHour));
            assertTrue(LocalHours.within(NEW_YORK_SECOND_0130, NEW_YORK, repeatedHour));
        }

        @Test
        void fromTheFirstOneThirtyEightIsSevenAndAHalfHoursAway() {
            assertEquals(NEW_YORK_FIRST_0130, newYork("2026-11-01T01:30"));
            Instant next = LocalHours.nextWithinAll(NEW_YORK_FIRST_0130, NEW_YORK_ONLY, HOURS_08_TO_21);
            assertEquals(NEW_YORK_EIGHT, next);
            assertEquals(Duration.ofMinutes(7 * 60 + 30), Duration.between(NEW_YORK_FIRST_0130, next));
        }

        @Test
        void fromTheSecondOneThirtyEightIsSixAndAHalfHoursAway() {
            Instant next = LocalHours.nextWithinAll(NEW_YORK_SECOND_0130, NEW_YORK_ONLY, HOURS_08_TO_21);
            assertEquals(NEW_YORK_EIGHT, next);
            assertEquals(Duration.ofMinutes(6 * 60 + 30), Duration.between(NEW_YORK_SECOND_0130, next));
        }

        @Test
        void nightBeforeFallBackIsAnHourLonger() {
            Instant nine = newYork("2026-10-31T21:00");
            assertEquals(Duration.ofHours(12),
                    Duration.between(nine, LocalHours.nextWithinAll(nine, NEW_YORK_ONLY, HOURS_08_TO_21)));
            Instant londonNine = london("2026-10-24T21:00");
            assertEquals(Duration.ofHours(12),
                    Duration.between(londonNine, LocalHours.nextWithinAll(londonNine, List.of(LONDON), HOURS_08_TO_21)));
        }

        @Test
        void hoursEdgesHoldInStandardTimeOnTheTransitionDay() {
            assertFalse(LocalHours.within(london("2026-10-25T07:59"), LONDON, HOURS_08_TO_21));
            assertTrue(LocalHours.within(london("2026-10-25T08:00"), LONDON, HOURS_08_TO_21));
            assertTrue(LocalHours.within(london("2026-10-25T20:59"), LONDON, HOURS_08_TO_21));
            assertFalse(LocalHours.within(london("2026-10-25T21:00"), LONDON, HOURS_08_TO_21));
        }

        @Test
        void windowStartingInTheRepeatedHourOpensOnItsFirstPass() {
            Instant firstTen = Instant.parse("2026-11-01T05:10:00Z"); // 01:10 EDT
            assertEquals(NEW_YORK_FIRST_0130, LocalHours.nextWithinAll(firstTen, NEW_YORK_ONLY, FROM_ONE_THIRTY));
        }

        @Test
        void windowStartingInTheRepeatedHourOpensAgainOnItsSecondPass() {
            Instant secondTen = Instant.parse("2026-11-01T06:10:00Z"); // 01:10 EST
            Instant londonSecondTen = Instant.parse("2026-10-25T01:10:00Z"); // 01:10 GMT
            assertAll(
                    () -> assertEquals(NEW_YORK_SECOND_0130,
                            LocalHours.nextWithinAll(secondTen, NEW_YORK_ONLY, FROM_ONE_THIRTY)),
                    () -> assertEquals(Instant.parse("2026-10-25T01:30:00Z"),
                            LocalHours.nextWithinAll(londonSecondTen, List.of(LONDON), FROM_ONE_THIRTY)));
        }
    }

    /** Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: the same moment is on two dates. */
    @Nested
    class ZonesADayApart {

        static final List<ZoneId> BOTH = List.of(KIRITIMATI, PAGO_PAGO);
        static final Instant SAME_MOMENT = Instant.parse("2026-06-15T20:00:00Z");

        @Test
        void sameMomentFallsOnDifferentLocalDates() {
            assertEquals(LocalDate.of(2026, 6, 16), SAME_MOMENT.atZone(KIRITIMATI).toLocalDate());
            assertEquals(LocalDate.of(2026, 6, 15), SAME_MOMENT.atZone(PAGO_PAGO).toLocalDate());
        }

        @Test
        void momentWithinHoursOnBothDatesIsWithinAll() {
            // 10:00 on the 16th in Kiritimati, 09:00 on the 15th in Pago Pago.
            assertTrue(LocalHours.withinAll(SAME_MOMENT, BOTH, HOURS_08_TO_21));
        }

        @Test
        void kiritimatiOpenButPagoPagoNotYetWaitsForPagoPago() {
            Instant halfPastSix = Instant.parse("2026-06-15T18:30:00Z"); // 08:30 (16th) and 07:30 (15th)
            assertFalse(LocalHours.withinAll(halfPastSix, BOTH, HOURS_08_TO_21));
            assertEquals(Instant.parse("2026-06-15T19:00:00Z"), LocalHours.nextWithinAll(halfPastSix, BOTH, HOURS_08_TO_21));
        }

        @Test
        void afterKiritimatiClosesBothNextAgreeWhenPagoPagoOpensAgain() {
            Instant kiritimatiNine = Instant.parse("2026-06-16T07:00:00Z"); // 21:00 (16th) and 20:00 (15th)
            assertFalse(LocalHours.withinAll(kiritimatiNine, BOTH, HOURS_08_TO_21));
            assertEquals(Instant.parse("2026-06-16T19:00:00Z"),
                    LocalHours.nextWithinAll(kiritimatiNine, BOTH, HOURS_08_TO_21));
        }
    }

    @Nested
    class ZonesThatNeverAgree {

        static final LocalTimeWindow OFFICE_09_TO_17 = new LocalTimeWindow(LocalTime.of(9, 0), LocalTime.of(17, 0));
        static final Instant WINTER = Instant.parse("2026-01-15T00:00:00Z");
        static final Instant SUMMER = Instant.parse("2026-07-15T00:00:00Z");

        @Test
        void officeHoursInShanghaiAndNewYorkNeverOverlap() {
            // 12 or 13 hours apart, with 8-hour windows: one opens after the other has closed.
            List<ZoneId> zones = List.of(SHANGHAI, NEW_YORK);
            assertNull(LocalHours.nextWithinAll(WINTER, zones, OFFICE_09_TO_17));
            assertNull(LocalHours.nextWithinAll(SUMMER, zones, OFFICE_09_TO_17));
        }

        @Test
        void londonShanghaiAndLosAngelesShareNoHourThoughEveryTwoOfThemDo() {
            for (Instant from : List.of(WINTER, SUMMER)) {
                assertNotNull(LocalHours.nextWithinAll(from, List.of(LONDON, SHANGHAI), HOURS_08_TO_21));
                assertNotNull(LocalHours.nextWithinAll(from, List.of(SHANGHAI, LOS_ANGELES), HOURS_08_TO_21));
                assertNotNull(LocalHours.nextWithinAll(from, List.of(LONDON, LOS_ANGELES), HOURS_08_TO_21));
                assertNull(LocalHours.nextWithinAll(from, List.of(LONDON, SHANGHAI, LOS_ANGELES), HOURS_08_TO_21));
            }
        }
    }

    @Nested
    class WithoutDaylightSaving {

        @Test
        void shanghaiOpensElevenHoursAfterItClosesOnEveryDayOfTheYear() {
            List<ZoneId> shanghai = List.of(SHANGHAI);
            for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
                Instant nine = local(day + "T21:00", SHANGHAI);
                Instant next = LocalHours.nextWithinAll(nine, shanghai, HOURS_08_TO_21);
                assertEquals(Duration.ofHours(11), Duration.between(nine, next), day::toString);
                // 08:00 at UTC+8 is midnight UTC, all year.
                assertEquals(day.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant(), next, day::toString);
            }
        }
    }
}
