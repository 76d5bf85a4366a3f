package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The cached local dates give each instant the date the zone's rules give it, whatever order the
 * instants come in and however many clock changes lie between them.
 */
class LocalDatesProperties {

    private static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Asia/Shanghai",
            "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia", "UTC", "Europe/Dublin", "Asia/Tehran");

    @Provide
    Arbitrary<List<Instant>> instants() {
        // Around the clock changes of 2010-2030, to the second and with nanoseconds.
        Arbitrary<Instant> near = Arbitraries.longs().between(1_262_304_000L, 1_893_456_000L)
                .flatMap(second -> Arbitraries.integers().between(-3, 3)
                        .flatMap(shift -> Arbitraries.of(0, 1, 999_999_999)
                                .map(nano -> Instant.ofEpochSecond(second + shift, nano))));
        return near.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    @Property(tries = 300)
    void everyInstantGetsTheZonesDate(@ForAll("instants") List<Instant> instants, @ForAll("zones") String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        CalendarDays.LocalDates dates = CalendarDays.dates(zone);
        for (Instant instant : instants) {
            assertEquals(instant.atZone(zone).toLocalDate().toEpochDay(), dates.epochDay(instant), instant + " in " + zone);
        }
    }

    @Property(tries = 200)
    void atEveryTransitionAndASecondEitherSide(@ForAll("zones") String zoneId, @ForAll("instants") List<Instant> order) {
        ZoneId zone = ZoneId.of(zoneId);
        CalendarDays.LocalDates dates = CalendarDays.dates(zone);
        for (Instant start : order) {
            var transition = zone.getRules().nextTransition(start);
            if (transition == null) {
                continue;
            }
            for (long offset : new long[] {0, -1, 1, 0}) {
                Instant at = transition.getInstant().plusSeconds(offset);
                assertEquals(at.atZone(zone).toLocalDate().toEpochDay(), dates.epochDay(at), at + " in " + zone);
            }
        }
    }

    @Example
    void newestFirstAcrossASpringForwardInNewYork() {
        ZoneId zone = ZoneId.of("America/New_York");
        CalendarDays.LocalDates dates = CalendarDays.dates(zone);
        // 2026-03-08 07:00Z is 03:00 EDT; a second before, 01:59:59 EST, and late on the 7th.
        for (String text : List.of("2026-03-09T03:59:59Z", "2026-03-08T07:00:00Z", "2026-03-08T06:59:59Z",
                "2026-03-08T04:59:59Z", "2026-03-08T05:00:00Z")) {
            Instant at = Instant.parse(text);
            assertEquals(at.atZone(zone).toLocalDate().toEpochDay(), dates.epochDay(at), text);
        }
    }
}
