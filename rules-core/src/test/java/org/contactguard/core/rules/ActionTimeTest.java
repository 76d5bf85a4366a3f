package org.contactguard.core.rules;

import static org.contactguard.core.rules.RulesFixtures.EIGHT;
import static org.contactguard.core.rules.RulesFixtures.KIRITIMATI;
import static org.contactguard.core.rules.RulesFixtures.LOS_ANGELES;
import static org.contactguard.core.rules.RulesFixtures.NEW_YORK;
import static org.contactguard.core.rules.RulesFixtures.NINE_PM;
import static org.contactguard.core.rules.RulesFixtures.PAGO_PAGO;
import static org.contactguard.core.rules.RulesFixtures.newYork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTimeTest {

    static final ActionTime AT_0759_LOCAL = inNewYork("2026-03-10T07:59");
    static final ActionTime AT_0800_LOCAL = inNewYork("2026-03-10T08:00");
    static final ActionTime AT_2059_LOCAL = inNewYork("2026-03-10T20:59");
    static final ActionTime AT_2100_LOCAL = inNewYork("2026-03-10T21:00");
    /** 20:00 UTC on 15 June: 10:00 on the 16th in Kiritimati, 09:00 on the 15th in Pago Pago. */
    static final Instant SAME_MOMENT = Instant.parse("2026-06-15T20:00:00Z");

    static ActionTime inNewYork(String local) {
        return new ActionTime(newYork(local), List.of(NEW_YORK));
    }

    @Test
    void momentIsRequired() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new ActionTime(null, List.of(NEW_YORK)));
        assertEquals("at", e.getMessage());
    }

    @Test
    void zonesAreCopiedSoLaterChangesToTheCallersListDoNotLeakIn() {
        List<ZoneId> zones = new ArrayList<>(List.of(NEW_YORK));
        ActionTime time = new ActionTime(newYork("2026-03-10T12:00"), zones);
        zones.add(LOS_ANGELES);
        assertEquals(List.of(NEW_YORK), time.zones());
    }

    @Test
    void zoneIsKnownOnlyWhenAtLeastOneZoneIsGiven() {
        assertTrue(AT_0800_LOCAL.isZoneKnown());
        assertFalse(new ActionTime(AT_0800_LOCAL.at(), List.of()).isZoneKnown());
    }

    @Test
    void oneMinuteBeforeEightIsOutside() {
        assertFalse(AT_0759_LOCAL.withinEveryZone(EIGHT, NINE_PM));
        assertTrue(AT_0759_LOCAL.outsideAnyZone(EIGHT, NINE_PM));
    }

    @Test
    void eightOClockIsInside() {
        assertTrue(AT_0800_LOCAL.withinEveryZone(EIGHT, NINE_PM));
        assertFalse(AT_0800_LOCAL.outsideAnyZone(EIGHT, NINE_PM));
    }

    @Test
    void eightFiftyNineInTheEveningIsInside() {
        assertTrue(AT_2059_LOCAL.withinEveryZone(EIGHT, NINE_PM));
        assertFalse(AT_2059_LOCAL.outsideAnyZone(EIGHT, NINE_PM));
    }

    @Test
    void nineInTheEveningIsOutside() {
        assertFalse(AT_2100_LOCAL.withinEveryZone(EIGHT, NINE_PM));
        assertTrue(AT_2100_LOCAL.outsideAnyZone(EIGHT, NINE_PM));
    }

    @Test
    void outsideInOneOfSeveralZonesIsOutside() {
        // 10:30 in New York is 07:30 in Los Angeles.
        ActionTime coasts = new ActionTime(newYork("2026-03-10T10:30"), List.of(NEW_YORK, LOS_ANGELES));
        assertTrue(coasts.outsideAnyZone(EIGHT, NINE_PM));
        assertEquals(newYork("2026-03-10T11:00"), coasts.nextWithinEveryZone(EIGHT, NINE_PM));
    }

    @Test
    void withoutAZoneTheMomentIsNeitherWithinNorOutsideSoTheUnknownZoneRuleDecides() {
        ActionTime unknown = new ActionTime(AT_0800_LOCAL.at(), List.of());
        assertFalse(unknown.withinEveryZone(EIGHT, NINE_PM));
        assertFalse(unknown.outsideAnyZone(EIGHT, NINE_PM));
        assertNull(unknown.nextWithinEveryZone(EIGHT, NINE_PM));
    }

    @Test
    void nextMomentWithinHoursIsEightNextMorningAfterNine() {
        assertEquals(newYork("2026-03-11T08:00"), AT_2100_LOCAL.nextWithinEveryZone(EIGHT, NINE_PM));
        assertEquals(AT_2059_LOCAL.at(), AT_2059_LOCAL.nextWithinEveryZone(EIGHT, NINE_PM));
    }

    @Test
    void nextMomentOnTheSpringForwardNightIsEightDaylightTime() {
        ActionTime oneFiftyNine = inNewYork("2026-03-08T01:59");
        assertEquals(Instant.parse("2026-03-08T12:00:00Z"), oneFiftyNine.nextWithinEveryZone(EIGHT, NINE_PM));
    }

    @Test
    void localDateIsReadInTheFirstListedZone() {
        assertEquals(LocalDate.of(2026, 6, 16), new ActionTime(SAME_MOMENT, List.of(KIRITIMATI, PAGO_PAGO)).localDate());
        assertEquals(LocalDate.of(2026, 6, 15), new ActionTime(SAME_MOMENT, List.of(PAGO_PAGO, KIRITIMATI)).localDate());
    }

    @Test
    void localDateTurnsAtLocalMidnightNotUtcMidnight() {
        assertEquals(LocalDate.of(2026, 3, 9), inNewYork("2026-03-09T23:59").localDate());
        assertEquals(LocalDate.of(2026, 3, 10), inNewYork("2026-03-10T00:00").localDate());
    }

    @Test
    void localDateWithoutAZoneIsAnError() {
        ActionTime unknown = new ActionTime(SAME_MOMENT, List.of());
        assertThrows(IllegalStateException.class, unknown::localDate);
    }
}
