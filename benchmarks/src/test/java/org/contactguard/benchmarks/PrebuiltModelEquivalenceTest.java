package org.contactguard.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.PackInfo;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped catalog started from its pre-built executable models decides the benchmark
 * workload exactly as the same packs compiled from DRL: the speed-up must not change a decision.
 */
class PrebuiltModelEquivalenceTest {

    private static final ComplianceEngine PREBUILT = ComplianceEngine.builder().build();
    private static final ComplianceEngine FROM_DRL = ComplianceEngine.builder().prebuiltModels(false).build();

    @ParameterizedTest
    @CsvSource({"CN, 0", "CN, 50", "CN, 500", "US_MA, 0", "US_MA, 50", "US_MA, 500", "US, 0",
        "US, 50", "MIXED, 50"})
    void prebuiltAndDrlGiveTheSameDecisions(Workload.Region region, int history) {
        assertTrue(PREBUILT.rules().packs().stream().allMatch(PackInfo::prebuilt), "every shipped pack is pre-built");
        assertFalse(FROM_DRL.rules().packs().stream().anyMatch(PackInfo::prebuilt), "prebuiltModels(false)");
        List<DecisionRequest> requests = Workload.requests(region, history, 1_000, 7L + history);
        List<Decision> expected = FROM_DRL.decideAll(requests);
        List<Decision> actual = PREBUILT.decideAll(requests);
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "request " + i);
        }
        // The workload must exercise both verdicts, or this comparison proves little.
        assertTrue(actual.stream().anyMatch(d -> d.verdict() == Verdict.ALLOW));
        assertTrue(actual.stream().anyMatch(d -> d.verdict() == Verdict.DENY && d.nextPermittedAt() != null));
    }
}
