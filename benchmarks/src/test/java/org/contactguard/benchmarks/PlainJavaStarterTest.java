package org.contactguard.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.Test;

/** The baseline is only a yardstick if it decides exactly as the engine does. */
class PlainJavaStarterTest {

    private static final ComplianceEngine ENGINE = ComplianceEngine.builder().pack("starter").build();
    private static final PlainJavaStarter BASELINE = new PlainJavaStarter(ENGINE);

    @Test
    void baselineGivesTheEnginesDecisionOnTenThousandRandomRequests() {
        List<DecisionRequest> requests = new ArrayList<>(RandomRequests.requests(20260701L, 9_000, List.of("starter")));
        requests.add(null);
        for (int history : new int[] {0, 50, 500}) {
            requests.addAll(Workload.requests(Workload.Region.US, history, 333, history));
        }
        int denied = 0;
        int withNext = 0;
        for (DecisionRequest request : requests) {
            Decision expected = ENGINE.decide(request);
            assertEquals(expected, BASELINE.decide(request), () -> "request " + request);
            denied += expected.isAllowed() ? 0 : 1;
            withNext += expected.nextPermittedAt() == null ? 0 : 1;
        }
        assertEquals(10_000, requests.size());
        // The sample must exercise both verdicts and the next-permitted search, or it proves little.
        assertTrue(denied > 1_000 && denied < 9_000, "denied " + denied);
        assertTrue(withNext > 500, "with a next permitted moment: " + withNext);
    }

    @Test
    void everyStarterRuleDeniesSomewhereInTheSample() {
        List<String> fired = RandomRequests.requests(7L, 3_000, List.of("starter")).stream().map(BASELINE::decide)
                .flatMap(decision -> decision.ruleIds().stream()).distinct().sorted().toList();
        assertEquals(List.of("INPUT-INVALID", "STARTER-CEASE-01", "STARTER-FREQ-01", "STARTER-HOURS-01"), fired);
    }
}
