package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarDaysTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
    }

    @Test
    void windowHoldsTheDateAndTheDatesBeforeIt() {
        Instant now = ny("2026-03-10T12:00");
        assertTrue(CalendarDays.inWindow(ny("2026-03-04T00:00"), now, NEW_YORK, 7));
        assertFalse(CalendarDays.inWindow(ny("2026-03-03T23:59"), now, NEW_YORK, 7));
        assertTrue(CalendarDays.inWindow(ny("2026-03-10T11:59"), now, NEW_YORK, 7));
        assertFalse(CalendarDays.inWindow(now, now, NEW_YORK, 7), "the present is not the past");
        assertFalse(CalendarDays.inWindow(ny("2026-03-10T11:59"), now, NEW_YORK, 0));
    }

    @Test
    void aContactLeavesAtLocalMidnightOfTheDateDaysAfterItsOwnAcrossAClockChange() {
        // 4 March is EST; 11 March midnight is EDT (UTC-4).
        assertEquals(Instant.parse("2026-03-11T04:00:00Z"), CalendarDays.leavesWindowAt(ny("2026-03-04T23:30"),
                NEW_YORK, 7));
    }

    @Test
    void reopensWhenTheCapMinusFirstNewestLeaves() {
        Instant now = ny("2026-03-10T12:00");
        List<Instant> three = List.of(ny("2026-03-09T10:00"), ny("2026-03-05T10:00"), ny("2026-03-07T10:00"));
        assertEquals(now, CalendarDays.reopensAt(three, now, NEW_YORK, 7, 4));
        assertEquals(ny("2026-03-12T00:00"), CalendarDays.reopensAt(three, now, NEW_YORK, 7, 3));
        assertEquals(ny("2026-03-14T00:00"), CalendarDays.reopensAt(three, now, NEW_YORK, 7, 2));
        assertNull(CalendarDays.reopensAt(three, now, NEW_YORK, 7, 0));
    }

    @Test
    void unknownZoneCountsInUtc() {
        assertEquals(ZoneOffset.UTC, CalendarDays.countingZone(List.of()));
        assertEquals(NEW_YORK, CalendarDays.countingZone(List.of(NEW_YORK, ZoneId.of("Asia/Tokyo"))));
    }

    @Test
    void windowMatchesLocalDatesOfTheZoneAcrossClockChangesAndBeforeTheEpoch() {
        // The window is computed from epoch seconds and the zone's offset; it must agree with
        // java.time's local dates everywhere, including fixed offsets and instants before 1970.
        List<ZoneId> zones = List.of(NEW_YORK, ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(-9, -30),
                ZoneId.of("Asia/Shanghai"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"));
        long seed = 0x5DEECE66DL;
        for (ZoneId zone : zones) {
            for (int i = 0; i < 4_000; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                Instant now = Instant.ofEpochSecond(Math.floorMod(seed >>> 1, 4_000_000_000L) - 1_000_000_000L);
                Instant moment = now.minusSeconds(Math.floorMod(seed >>> 20, 40L * 86_400) - 86_400);
                int days = (int) Math.floorMod(seed >>> 40, 35L) - 1;
                java.time.LocalDate today = now.atZone(zone).toLocalDate();
                java.time.LocalDate date = moment.atZone(zone).toLocalDate();
                boolean expected = days > 0 && moment.isBefore(now) && !date.isBefore(today.minusDays(days - 1L))
                        && !date.isAfter(today);
                assertEquals(expected, CalendarDays.inWindow(moment, now, zone, days),
                        () -> moment + " " + now + " " + zone + " " + days);
                assertEquals(date.toEpochDay(), CalendarDays.localEpochDay(moment, zone));
                Instant withNanos = moment.plusNanos(Math.floorMod(seed >>> 7, 1_000_000_000L));
                assertEquals(withNanos.atZone(zone).toLocalTime(), CalendarDays.localTime(withNanos, zone),
                        () -> withNanos + " " + zone);
            }
        }
    }

    @Test
    void dateWindowAgreesWithInWindowForMomentsInAnyOrder() {
        // One window tests many moments, reusing the zone's offset until its next transition: it
        // must agree with inWindow whether the moments come oldest first, newest first or shuffled.
        List<ZoneId> zones = List.of(NEW_YORK, ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 45),
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"), ZoneId.of("Europe/London"));
        long seed = 42;
        for (ZoneId zone : zones) {
            for (int w = 0; w < 40; w++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                Instant now = Instant.ofEpochSecond(Math.floorMod(seed >>> 1, 4_000_000_000L) - 1_000_000_000L);
                int days = (int) Math.floorMod(seed >>> 40, 35L) - 1;
                List<Instant> moments = new java.util.ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    moments.add(now.minusSeconds(Math.floorMod(seed >>> 8, 400L * 86_400) - 2 * 86_400)
                            .plusNanos(Math.floorMod(seed >>> 3, 1_000_000_000L)));
                }
                // Transition instants themselves and a second either side.
                Instant probe = now.minus(java.time.Duration.ofDays(400));
                for (int t = 0; t < 4; t++) {
                    java.time.zone.ZoneOffsetTransition next = zone.getRules().nextTransition(probe);
                    if (next == null) {
                        break;
                    }
                    moments.add(next.getInstant().minusSeconds(1));
                    moments.add(next.getInstant());
                    moments.add(next.getInstant().plusSeconds(1));
                    probe = next.getInstant();
                }
                for (int order = 0; order < 3; order++) {
                    List<Instant> ordered = new java.util.ArrayList<>(moments);
                    if (order == 0) {
                        ordered.sort(null);
                    } else if (order == 1) {
                        ordered.sort(java.util.Comparator.reverseOrder());
                    }
                    CalendarDays.DateWindow window = CalendarDays.window(now, zone, days);
                    CalendarDays.LocalDates dates = CalendarDays.dates(zone);
                    for (Instant moment : ordered) {
                        assertEquals(CalendarDays.inWindow(moment, now, zone, days), window.contains(moment),
                                () -> moment + " " + now + " " + zone + " " + days);
                        assertEquals(CalendarDays.localEpochDay(moment, zone), dates.epochDay(moment),
                                () -> moment + " " + zone);
                    }
                }
            }
        }
    }
}
