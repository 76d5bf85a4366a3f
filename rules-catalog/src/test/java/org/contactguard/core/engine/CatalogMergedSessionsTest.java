package org.contactguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.junit.jupiter.api.Test;

/**
 * Packs a request selects together share one session when they all come from pre-built models, so
 * a Massachusetts debt fires one session instead of two; packs compiled from DRL at start keep a
 * session each (their declared types belong to their own rule base). DecisionDump compares the
 * decisions of both ways on the benchmark workload; here, which way is taken.
 */
class CatalogMergedSessionsTest {

    @Test
    void aBasePackAndItsOverlayShareOneSessionWhenBothArePrebuilt() {
        RuleSet rules = ComplianceEngine.builder().build().rules();
        assertEquals(List.of("us-regf+us-ma"), rules.sessionsFor(List.of("us-regf", "us-ma")));
        assertEquals(List.of("us-regf+us-nyc"), rules.sessionsFor(List.of("us-nyc", "us-regf", "us-nyc")));
        assertEquals(List.of("cn"), rules.sessionsFor(List.of("cn")));
    }

    @Test
    void packsCompiledFromDrlKeepOneSessionEach() {
        RuleSet rules = ComplianceEngine.builder().prebuiltModels(false).build().rules();
        assertEquals(List.of("us-regf", "us-ma"), rules.sessionsFor(List.of("us-ma", "us-regf")));
    }
}
