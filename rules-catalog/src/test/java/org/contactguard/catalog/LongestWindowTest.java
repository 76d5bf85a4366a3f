package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.contactguard.core.decision.ComplianceEngine;
import org.junit.jupiter.api.Test;

/**
 * How far back the loaded rules count history (what a contact ledger loads and keeps) follows the
 * parameters, including windows counted in calendar dates, so a compliance edit cannot make the
 * ledger load too little.
 */
class LongestWindowTest {

    @Test
    void calendarDateWindowsCountWithADayForTheFirstPartialDate() {
        // us-ma: otherNumberDays = 30 and visitDays = 30 dates; its Durations are 10 and 7 days.
        assertEquals(Duration.ofDays(31), ComplianceEngine.builder().packs("us-regf", "us-ma")
                .parameter("us-regf", "messagingConsentFreshness", "30d").build().longestWindow());
    }

    @Test
    void aLongerCalendarWindowSetByComplianceLengthensIt() {
        assertEquals(Duration.ofDays(91), ComplianceEngine.builder().packs("us-regf", "us-ma")
                .parameter("us-ma", "otherNumberDays", "90").build().longestWindow());
    }

    @Test
    void durationsCountAsThemselves() {
        assertEquals(Duration.ofDays(7), ComplianceEngine.builder().pack("starter").build().longestWindow());
    }
}
