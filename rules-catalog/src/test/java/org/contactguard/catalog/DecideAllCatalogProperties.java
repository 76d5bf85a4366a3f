package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.DecisionRequest;

/**
 * With every pack the catalog ships loaded, a batch decides each request exactly as a single
 * {@code decide} does, whatever the requests next to it (including INPUT-INVALID ones and nulls).
 */
class DecideAllCatalogProperties {

    private static final ComplianceEngine CATALOG = ComplianceEngine.builder().build();

    @Property(tries = 40)
    void aBatchOverTheWholeCatalogDecidesEachRequestAsDecideDoes(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 60) int size) {
        List<DecisionRequest> batch = new ArrayList<>(RandomRequests.requests(seed, size));
        if (size > 3) {
            batch.set(size / 3, null);
        }
        List<Decision> single = new ArrayList<>();
        for (DecisionRequest request : batch) {
            single.add(CATALOG.decide(request));
        }
        assertEquals(single, CATALOG.decideAll(batch));
    }
}
