package org.contactguard.catalog;

import static org.contactguard.catalog.StarterFixtures.ENGINE;
import static org.contactguard.catalog.StarterFixtures.callAt;
import static org.contactguard.catalog.StarterFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Instant;
import java.util.List;
import org.contactguard.core.model.Debtor;
import org.junit.jupiter.api.Test;

/**
 * A debtor in New York, Los Angeles and Kathmandu (UTC+5:45): in winter the three share no permitted hour
 * (Los Angeles opens at 16:00 UTC, Kathmandu closes at 15:15 UTC). From 2026-03-08, when the US clocks go
 * forward, Los Angeles opens at 15:00 UTC and all three are within hours from 15:00 to 15:15 UTC.
 */
class SeveralZonesTest {

    static final Debtor THREE_ZONES = Debtor.of("D1", "America/New_York", "America/Los_Angeles", "Asia/Kathmandu");
    static final Instant FIRST_SHARED_MOMENT = Instant.parse("2026-03-08T15:00:00Z");
    /** 11:00 in New York, 08:00 in Los Angeles, 21:45 in Kathmandu. */
    static final Instant WEEK_BEFORE_US_CLOCK_CHANGE = Instant.parse("2026-03-01T16:00:00Z");
    /** Nine days and 23 hours before the first shared moment: beyond LocalHours' 8 days, within the 14-day look-ahead. */
    static final Instant TEN_DAYS_BEFORE_US_CLOCK_CHANGE = Instant.parse("2026-02-27T16:00:00Z");

    @Test
    void callInTheQuarterHourTheThreeZonesShareIsAllowed() {
        assertThatDecision(ENGINE, request(callAt(Instant.parse("2026-03-09T15:00:00Z")), THREE_ZONES, List.of()))
                .isAllowed();
        assertThatDecision(ENGINE, request(callAt(Instant.parse("2026-03-09T15:14:00Z")), THREE_ZONES, List.of()))
                .isAllowed();
    }

    @Test
    void callWhenKathmanduHasClosedIsDenied() {
        assertThatDecision(ENGINE, request(callAt(Instant.parse("2026-03-09T15:15:00Z")), THREE_ZONES, List.of()))
                .isDeniedBy("STARTER-HOURS-01");
    }

    @Test
    void aWeekBeforeTheUsClockChangeTheNextPermittedMomentIsTheFirstSharedQuarterHour() {
        assertThatDecision(ENGINE, request(callAt(WEEK_BEFORE_US_CLOCK_CHANGE), THREE_ZONES, List.of()))
                .isDeniedBy("STARTER-HOURS-01").hasNextPermittedAt(FIRST_SHARED_MOMENT);
    }
    @Test
    void tenDaysBeforeTheUsClockChangeTheNextPermittedMomentIsStillFoundWithinTheLookAhead() {
        assertThatDecision(ENGINE, request(callAt(TEN_DAYS_BEFORE_US_CLOCK_CHANGE), THREE_ZONES, List.of()))
                .isDeniedBy("STARTER-HOURS-01").hasNextPermittedAt(FIRST_SHARED_MOMENT);
    }
}
