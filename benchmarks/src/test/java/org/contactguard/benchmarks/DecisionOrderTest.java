package org.contactguard.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pooled sessions keep the last request's facts, and the derived facts of its last moment, and
 * update them to the next request: whatever was decided before, a request gets the decision a
 * fresh engine gives it first thing.
 */
class DecisionOrderTest {

    @ParameterizedTest
    @CsvSource({"CN, 5", "CN, 50", "US_MA, 5", "US_MA, 50", "US, 20", "MIXED, 50"})
    void theOrderOfDecisionsNeverChangesOne(Workload.Region region, int history) {
        List<DecisionRequest> requests = Workload.requests(region, history, 400, 11L + history);
        ComplianceEngine inOrder = ComplianceEngine.builder().build();
        List<Decision> expected = new ArrayList<>();
        for (DecisionRequest request : requests) {
            expected.add(inOrder.decide(request));
        }

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(history));
        ComplianceEngine shuffled = ComplianceEngine.builder().build();
        for (int i : order) {
            assertEquals(expected.get(i), shuffled.decide(requests.get(i)), "request " + i + " decided out of order");
        }
        // Each request on its own, on a session that has just decided every other request.
        for (int i = requests.size() - 1; i >= 0; i--) {
            assertEquals(expected.get(i), inOrder.decide(requests.get(i)), "request " + i + " decided again");
        }
    }
}
