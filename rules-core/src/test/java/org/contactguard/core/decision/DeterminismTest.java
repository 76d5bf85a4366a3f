package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.MINOR_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.TEN_PM_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.decision.Requests.capReachedBefore;
import static org.contactguard.core.decision.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same request always gets the same decision, whichever thread asks and however often. */
class DeterminismTest {

    private static final int REPEATS = 200;
    private static final int THREADS = 4;

    /**
     * Fires every kind of finding at once, two of them per account, so any dependence on session
     * or firing order would show in the reasons, their details or their order.
     */
    private static final DecisionRequest BUSY_REQUEST = request(
            callAt(TEN_PM_IN_NEW_YORK, "A2", "A1").automated(true).build(), MINOR_IN_NEW_YORK)
            .history(capReachedBefore(TEN_PM_IN_NEW_YORK, "A2"))
            .history(capReachedBefore(TEN_PM_IN_NEW_YORK, "A1"))
            .build();

    private static ComplianceEngine engine;
    private static Decision first;

    @BeforeAll
    static void decideOnce() {
        engine = ComplianceEngine.builder().packs(TestPacks.HOUSE, TestPacks.PROBE).build();
        first = engine.decide(BUSY_REQUEST);
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-CAP-01", "PROBE-HOURS-01", "PROBE-MINOR-01"), first.ruleIds());
        assertEquals(List.of("PROBE-AUTO-01"), first.advisories().stream().map(Reason::ruleId).toList());
    }

    @Test
    void sameRequestDecidedTwoHundredTimesInARowGivesEqualDecisions() {
        for (int i = 0; i < REPEATS; i++) {
            assertEquals(first, engine.decide(BUSY_REQUEST), "decision " + i);
        }
    }

    @Test
    void sameRequestDecidedTwoHundredTimesFromFourThreadsGivesEqualDecisions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Decision>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    List<Decision> decisions = new ArrayList<>(REPEATS);
                    for (int i = 0; i < REPEATS; i++) {
                        decisions.add(engine.decide(BUSY_REQUEST));
                    }
                    return decisions;
                }));
            }
            for (Future<List<Decision>> result : results) {
                List<Decision> decisions = result.get(120, TimeUnit.SECONDS);
                assertEquals(REPEATS, decisions.size());
                for (Decision decision : decisions) {
                    assertEquals(first, decision);
                }
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void anEngineBuiltAgainFromTheSameFilesDecidesTheSame() {
        ComplianceEngine again = ComplianceEngine.builder().packs(TestPacks.HOUSE, TestPacks.PROBE).build();
        assertEquals(first, again.decide(BUSY_REQUEST));
    }
}
