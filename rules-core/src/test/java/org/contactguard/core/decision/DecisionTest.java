package org.contactguard.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.model.Authority;
import org.junit.jupiter.api.Test;

/** The {@link Decision} record refuses to say ALLOW and DENY at once. */
class DecisionTest {

    private static final Reason CAP = new Reason("PROBE-CAP-01", "probe", "Probe citation C", Authority.REGULATION,
            "Too many placed calls");
    private static final Instant LATER = Instant.parse("2026-01-19T17:00:00Z");

    @Test
    void decisionRejectsAllowWithReasons() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Decision("R-1", Verdict.ALLOW, List.of(CAP), List.of(), null, "v1"));
        assertEquals("verdict ALLOW does not match 1 reasons", e.getMessage());
    }

    @Test
    void decisionRejectsDenyWithoutReasons() {
        assertThrows(IllegalArgumentException.class,
                () -> new Decision("R-1", Verdict.DENY, List.of(), List.of(), null, "v1"));
    }

    @Test
    void decisionRejectsAllowWithANextPermittedMoment() {
        assertThrows(IllegalArgumentException.class,
                () -> new Decision("R-1", Verdict.ALLOW, List.of(), List.of(), LATER, "v1"));
    }

    @Test
    void decisionRejectsAMissingVerdictOrVersion() {
        assertThrows(NullPointerException.class, () -> new Decision("R-1", null, List.of(), List.of(), null, "v1"));
        assertThrows(NullPointerException.class,
                () -> new Decision("R-1", Verdict.ALLOW, List.of(), List.of(), null, null));
    }

    @Test
    void decisionKeepsItsOwnCopyOfTheReasons() {
        List<Reason> reasons = new ArrayList<>(List.of(CAP));
        Decision decision = new Decision("R-1", Verdict.DENY, reasons, List.of(), LATER, "v1");
        reasons.clear();
        assertEquals(List.of("PROBE-CAP-01"), decision.ruleIds());
        assertThrows(UnsupportedOperationException.class, () -> decision.reasons().clear());
    }

    @Test
    void deniedDecisionReadsVerdictReasonAndNextPermittedMoment() {
        Decision decision = new Decision("R-1", Verdict.DENY, List.of(CAP), List.of(), LATER, "v1");
        assertEquals("DENY  R-1  (rules v1)\n"
                + "  - PROBE-CAP-01 [probe] Probe citation C (REGULATION): Too many placed calls\n"
                + "  next permitted: 2026-01-19T17:00:00Z", decision.toString());
    }
}
