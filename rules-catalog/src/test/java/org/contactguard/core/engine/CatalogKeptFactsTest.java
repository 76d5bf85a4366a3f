package org.contactguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link RuleSet} (sessions that keep a request's facts while only the moving ones
 * change) is decided per pack by reading its compiled rules. Pre-built executable models and DRL
 * compiled at start must both qualify for every shipped pack, or the catalog silently runs slower.
 */
class CatalogKeptFactsTest {

    @Test
    void everyShippedPackKeepsFactsWhetherPrebuiltOrCompiledFromDrl() {
        for (boolean prebuilt : List.of(true, false)) {
            RuleSet rules = ComplianceEngine.builder().prebuiltModels(prebuilt).build().rules();
            List<String> slow = rules.packIds().stream().filter(id -> !rules.keepsFacts(id)).toList();
            assertEquals(List.of(), slow, prebuilt ? "pre-built models" : "compiled from DRL");
        }
    }
}
