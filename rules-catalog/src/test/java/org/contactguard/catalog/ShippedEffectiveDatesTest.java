package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.EffectivePeriod;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.RuleSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every dated rule of the shipped catalog is out of force a minute before its {@code @effective}
 * date's local midnight in its pack's zone and in force a minute after, and the reverse around its
 * {@code @expires}; a pack with a dated rule declares its zone.
 */
class ShippedEffectiveDatesTest {

    private static final ComplianceEngine CATALOG = ComplianceEngine.builder().build();
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static boolean inForce(RuleSet rules, RuleInfo rule, Instant at) {
        return rules.variant(null, at).pack(rule.pack()).rules().stream().anyMatch(r -> r.id().equals(rule.id()));
    }

    @TestFactory
    Stream<DynamicTest> eachDatedRuleStartsAndEndsAtLocalMidnightInItsPacksZone() {
        RuleSet rules = CATALOG.rules();
        return rules.rules().stream().filter(rule -> rules.effectivePeriod(rule.id()) != null).map(rule ->
                DynamicTest.dynamicTest(rule.id(), () -> {
                    EffectivePeriod period = rules.effectivePeriod(rule.id());
                    assertEquals(rules.zone(rule.pack()), period.zone());
                    if (period.from() != null) {
                        assertFalse(inForce(rules, rule, period.from().minus(MINUTE)), "a minute before it starts");
                        assertTrue(inForce(rules, rule, period.from().plus(MINUTE)), "a minute after it starts");
                    }
                    if (period.until() != null) {
                        assertTrue(inForce(rules, rule, period.until().minus(MINUTE)), "a minute before it expires");
                        assertFalse(inForce(rules, rule, period.until().plus(MINUTE)), "a minute after it expires");
                    }
                }));
    }

    @Test
    void theNextChangeOfAPackIsOneOfItsOwnDates() {
        RuleSet rules = CATALOG.rules();
        Instant cnStart = Instant.parse("2026-01-29T16:00:00Z");  // 2026-01-30 in Asia/Shanghai
        Instant nycStart = Instant.parse("2026-09-01T04:00:00Z"); // 2026-09-01 in America/New_York
        assertTrue(rules.changes().containsAll(List.of(cnStart, nycStart)));
        assertEquals(cnStart, rules.nextChange(List.of("cn"), cnStart.minus(MINUTE)));
        // A minute after its own last change, NYC's amendment is no concern of a China decision.
        assertEquals(null, rules.nextChange(List.of("cn"), cnStart));
        assertEquals(nycStart, rules.nextChange(List.of("cn", "us-nyc"), cnStart));
        assertEquals(null, rules.nextChange(List.of("us-regf", "us-ma"), cnStart.minus(MINUTE)));
    }

    @Test
    void undatedRulesAreInForceAtEveryChange() {
        RuleSet rules = CATALOG.rules();
        List<RuleInfo> undated = rules.rules().stream().filter(rule -> rules.effectivePeriod(rule.id()) == null).toList();
        for (Instant change : rules.changes()) {
            for (RuleInfo rule : undated) {
                assertTrue(inForce(rules, rule, change.minus(MINUTE)), rule.id());
                assertTrue(inForce(rules, rule, change), rule.id());
            }
        }
        assertNotNull(rules.changes());
    }
}
