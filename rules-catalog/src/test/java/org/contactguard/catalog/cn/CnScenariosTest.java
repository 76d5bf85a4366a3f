package org.contactguard.catalog.cn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.testkit.ScenarioFiles;
import org.contactguard.core.testkit.ScenarioReport;
import org.contactguard.core.testkit.ScenarioRunner;
import org.contactguard.core.testkit.ScenarioTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The China pack's scenario files, one dynamic test per scenario: {@code scenarios/cn/*.json} with the
 * pack as shipped, {@code scenarios/cn-soft-cap/*.json} with the unanswered-attempt cap set to advisory.
 */
class CnScenariosTest {

    static final ComplianceEngine SOFT_CAP = ComplianceEngine.builder().pack("cn")
            .parameter("cn", "unansweredCapDenies", "false").build();

    @TestFactory
    Stream<DynamicTest> cn() {
        return ScenarioTests.from("scenarios/cn");
    }

    @TestFactory
    Stream<DynamicTest> cnWithSoftUnansweredCap() {
        return ScenarioTests.using(SOFT_CAP).from("scenarios/cn-soft-cap");
    }

    @Test
    void everyCnRuleFiresInSomeScenario() {
        ClassLoader loader = getClass().getClassLoader();
        ScenarioReport shipped = new ScenarioRunner(CnFixtures.ENGINE).run(ScenarioFiles.load("scenarios/cn", loader));
        ScenarioReport soft = new ScenarioRunner(SOFT_CAP).run(ScenarioFiles.load("scenarios/cn-soft-cap", loader));
        assertTrue(shipped.passed());
        assertTrue(soft.passed());
        // CN-FREQ-04 is the advisory twin of CN-FREQ-01, live only when unansweredCapDenies is false.
        assertEquals(List.of("CN-FREQ-04"), shipped.unfiredRules().stream().map(RuleInfo::id).toList());
        assertTrue(soft.unfiredRules().stream().noneMatch(rule -> rule.id().equals("CN-FREQ-04")));
    }
}
