package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.ADULT_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.EIGHT_AM_NEXT_MORNING_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.MINOR_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.NOON_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.TEN_PM_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.decision.Requests.capReachedBefore;
import static org.contactguard.core.decision.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Authority;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How findings become a decision: advisories, order, merged details, the next permitted moment. */
class ReasonsAndNextPermittedTest {

    private static final Reason AUTOMATED_ADVISORY = new Reason("PROBE-AUTO-01", TestPacks.PROBE, "Probe citation A",
            Authority.OFFICIAL_GUIDANCE, "Automated contact is flagged for review");
    /** When the two calls of {@code capReachedBefore(NOON_IN_NEW_YORK, ..)} leave room: noon, five days later. */
    private static final Instant CAP_REOPENS_AFTER_NOON_CALLS = Instant.parse("2026-01-19T17:00:00Z");

    private static ComplianceEngine probe;
    private static ComplianceEngine houseAndProbe;

    @BeforeAll
    static void buildEngines() {
        probe = ComplianceEngine.builder().pack(TestPacks.PROBE).build();
        houseAndProbe = ComplianceEngine.builder().packs(TestPacks.HOUSE, TestPacks.PROBE).build();
    }

    @Test
    void advisoryRuleAloneAllowsAndListsTheAdvisory() {
        Decision decision = probe.decide(
                request(callAt(NOON_IN_NEW_YORK, "A1").automated(true).build(), ADULT_IN_NEW_YORK).build());
        assertEquals(new Decision("R-1", Verdict.ALLOW, List.of(), List.of(AUTOMATED_ADVISORY), null, probe.version()),
                decision);
    }

    @Test
    void advisoryBesideADenialIsListedAsAnAdvisoryNotAsAReason() {
        Decision decision = probe.decide(
                request(callAt(NOON_IN_NEW_YORK, "A1").automated(true).build(), MINOR_IN_NEW_YORK).build());
        assertEquals(List.of("PROBE-MINOR-01"), decision.ruleIds());
        assertEquals(List.of(AUTOMATED_ADVISORY), decision.advisories());
    }

    @Test
    void reasonsAreOrderedByPackThenRuleId() {
        DecisionRequest request = request(callAt(TEN_PM_IN_NEW_YORK, "A1").build(), MINOR_IN_NEW_YORK)
                .history(capReachedBefore(TEN_PM_IN_NEW_YORK, "A1")).build();
        Decision decision = houseAndProbe.decide(request);
        // house before probe; within probe CAP < HOURS < MINOR, although flags.drl (MINOR) is loaded first.
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-CAP-01", "PROBE-HOURS-01", "PROBE-MINOR-01"),
                decision.ruleIds());
        assertEquals(List.of(TestPacks.HOUSE, TestPacks.PROBE, TestPacks.PROBE, TestPacks.PROBE),
                decision.reasons().stream().map(Reason::pack).toList());
    }

    @Test
    void ruleFiringForTwoAccountsGivesOneReasonWithBothDetails() {
        DecisionRequest request = request(callAt(NOON_IN_NEW_YORK, "A2", "A1").build(), ADULT_IN_NEW_YORK)
                .history(capReachedBefore(NOON_IN_NEW_YORK, "A2")).history(capReachedBefore(NOON_IN_NEW_YORK, "A1"))
                .build();
        Decision decision = probe.decide(request);
        assertEquals(List.of(new Reason("PROBE-CAP-01", TestPacks.PROBE, "Probe citation C", Authority.REGULATION,
                "Too many placed calls: account A1 has 2; account A2 has 2")), decision.reasons());
    }

    @Test
    void denialWithAKnownEndGivesTheMomentTheRuleStopsObjecting() {
        Decision decision = probe.decide(request(callAt(TEN_PM_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK).build());
        assertEquals(List.of("PROBE-HOURS-01"), decision.ruleIds());
        assertEquals(EIGHT_AM_NEXT_MORNING_IN_NEW_YORK, decision.nextPermittedAt());
    }

    @Test
    void callCapDenialGivesTheMomentTheOldestCountedCallLeavesTheWindow() {
        Decision decision = probe.decide(request(callAt(NOON_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK)
                .history(capReachedBefore(NOON_IN_NEW_YORK, "A1")).build());
        assertEquals(List.of("PROBE-CAP-01"), decision.ruleIds());
        assertEquals(CAP_REOPENS_AFTER_NOON_CALLS, decision.nextPermittedAt());
    }

    @Test
    void nextPermittedAtIsTheEarliestMomentEveryDenyingRuleAllowsTogether() {
        // The cap reopens five days later at 22:00 New York time, when hours are closed: the next
        // moment both allow is 08:00 the morning after that.
        Decision decision = probe.decide(request(callAt(TEN_PM_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK)
                .history(capReachedBefore(TEN_PM_IN_NEW_YORK, "A1")).build());
        assertEquals(List.of("PROBE-CAP-01", "PROBE-HOURS-01"), decision.ruleIds());
        assertEquals(EIGHT_AM_NEXT_MORNING_IN_NEW_YORK.plus(Duration.ofDays(5)), decision.nextPermittedAt());
    }

    @Test
    void nextPermittedAtIsNullWhenADenyingRuleHasNoEnd() {
        Decision decision = probe.decide(request(callAt(NOON_IN_NEW_YORK, "A1").build(), MINOR_IN_NEW_YORK).build());
        assertEquals(List.of("PROBE-MINOR-01"), decision.ruleIds());
        assertNull(decision.nextPermittedAt());
    }

    @Test
    void nextPermittedAtIsNullWhenOneOfSeveralDenyingRulesHasNoEnd() {
        Decision decision = probe.decide(request(callAt(TEN_PM_IN_NEW_YORK, "A1").build(), MINOR_IN_NEW_YORK).build());
        assertEquals(List.of("PROBE-HOURS-01", "PROBE-MINOR-01"), decision.ruleIds());
        assertNull(decision.nextPermittedAt());
    }

    @Test
    void nextPermittedAtIsNullWhenItLiesBeyondTheLookahead() {
        ComplianceEngine shortSighted = ComplianceEngine.builder().pack(TestPacks.PROBE).lookahead(Duration.ofDays(1))
                .build();
        Decision decision = shortSighted.decide(request(callAt(NOON_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK)
                .history(capReachedBefore(NOON_IN_NEW_YORK, "A1")).build());
        assertEquals(List.of("PROBE-CAP-01"), decision.ruleIds());
        assertNull(decision.nextPermittedAt());
    }
}
