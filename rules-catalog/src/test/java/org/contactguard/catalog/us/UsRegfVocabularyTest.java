package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.dailyCalls;
import static org.contactguard.catalog.us.UsFixtures.inNewYork;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.catalog.us.UsFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.engine.RuleProblem;
import org.contactguard.core.model.Outcome;
import org.junit.jupiter.api.Test;

/** us-regf is written in the rule vocabulary: lint has nothing to say, and messages name their parameters. */
class UsRegfVocabularyTest {

    static final Instant NOON_10_MARCH = ny("2026-03-10T12:00");

    @Test
    void lintFindsNothingToRewriteInTheRegulationFPack() {
        List<RuleProblem> regf = ENGINE.rules().warnings().stream().filter(w -> w.file().contains("us-regf")).toList();
        assertEquals(List.of(), regf);
    }

    @Test
    void theCallCapReasonKeepsItsTemplateAndTheValuesItNamed() {
        Reason reason = ENGINE.decide(request(call(NOON_10_MARCH).build(), inNewYork(),
                dailyCalls("2026-03-10", 7, Outcome.NO_ANSWER)).build()).reasons().stream()
                .filter(r -> r.ruleId().equals("US-REGF-FREQ-01")).findFirst().orElseThrow();
        assertEquals("The person was already called the cap of {callCap} times or more about {calls} within"
                + " {callWindowDays} consecutive days (connected calls, busy and not-in-service excluded)", reason.template());
        assertEquals(Map.of("callCap", "7", "calls", "account A1", "callWindowDays", "7"), reason.arguments());
    }

    @Test
    void aTunedCallCapShowsInTheMessageBecauseTheMessageNamesTheParameter() {
        ComplianceEngine tuned = ComplianceEngine.builder().parameter("us-regf", "callCap", "5").build();
        assertThatDecision(tuned, request(call(NOON_10_MARCH).build(), inNewYork(),
                dailyCalls("2026-03-10", 5, Outcome.NO_ANSWER)).build())
                .isDeniedBy("US-REGF-FREQ-01")
                .hasMessageContaining("US-REGF-FREQ-01", "called the cap of 5 times or more about account A1");
    }

    @Test
    void tunedHoursShowInTheHoursMessage() {
        ComplianceEngine tuned = ComplianceEngine.builder().parameter("us-regf", "hoursStart", "09:00").build();
        assertThatDecision(tuned, request(call(ny("2026-03-10T08:30")).build(), inNewYork(), List.of()).build())
                .isDeniedBy("US-REGF-HOURS-01")
                .hasMessageContaining("US-REGF-HOURS-01", "Before 09:00 or from 21:00 local time");
    }
}
