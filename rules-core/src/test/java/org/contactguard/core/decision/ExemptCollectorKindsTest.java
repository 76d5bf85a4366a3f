package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.ADULT_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.TEN_PM_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.decision.Requests.request;
import static org.contactguard.core.engine.TestPacks.PROBE;
import static org.contactguard.core.engine.TestPacks.copy;
import static org.contactguard.core.engine.TestPacks.read;
import static org.contactguard.core.engine.TestPacks.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleProblem;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pack.exemptCollectorKinds}: a pack whose law does not bind a kind of collector (Regulation
 * F and a creditor collecting its own debt) says so once, with its citation, instead of every rule
 * testing the collector.
 */
class ExemptCollectorKindsTest {

    @TempDir
    Path root;

    private Path properties;

    @BeforeEach
    void copyProbePack() {
        properties = copy(PROBE, root).resolve("pack.properties");
    }

    private ComplianceEngine exemptingCreditors() {
        write(properties, read(properties) + "pack.exemptCollectorKinds = CREDITOR\n"
                + "pack.exemptCollectorKinds.citation = Probe citation X\n");
        return ComplianceEngine.builder().rulesDirectory(root).build();
    }

    /** A call at 22:00 in New York: the probe's hours rule denies it. */
    private static DecisionRequest lateCallFrom(CollectorKind kind) {
        return request(callAt(TEN_PM_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK).collector(Collector.of(kind))
                .build();
    }

    @Test
    void aCollectorTheLawBindsIsDeniedByThePacksRules() {
        Decision decision = exemptingCreditors().decide(lateCallFrom(CollectorKind.THIRD_PARTY_COLLECTOR));
        assertEquals(List.of("PROBE-HOURS-01"), decision.ruleIds());
    }

    @Test
    void anExemptCollectorIsNotJudgedByThePacksRules() {
        ComplianceEngine engine = exemptingCreditors();
        Decision decision = engine.decide(lateCallFrom(CollectorKind.CREDITOR));
        assertTrue(decision.isAllowed(), decision.toString());
        assertEquals(engine.version(), decision.ruleSetVersion());
    }

    @Test
    void withoutTheSettingEveryCollectorIsJudged() {
        Decision decision = ComplianceEngine.builder().rulesDirectory(root).build()
                .decide(lateCallFrom(CollectorKind.CREDITOR));
        assertEquals(List.of("PROBE-HOURS-01"), decision.ruleIds());
    }

    @Test
    void thePackListsWhatItExemptsAndWhy() {
        var pack = exemptingCreditors().rules().pack(PROBE);
        assertEquals(Set.of(CollectorKind.CREDITOR), pack.exemptCollectorKinds());
        assertEquals("Probe citation X", pack.exemptionCitation());
    }

    @Test
    void anExemptionWithoutItsCitationIsRejectedAtItsLine() {
        write(properties, read(properties) + "pack.exemptCollectorKinds = CREDITOR\n");
        RuleLoadException failure = assertThrows(RuleLoadException.class,
                ComplianceEngine.builder().rulesDirectory(root)::build);
        RuleProblem problem = failure.problems().get(0);
        assertTrue(problem.message().contains("needs pack.exemptCollectorKinds.citation"), problem.message());
        assertEquals(read(properties).lines().toList().indexOf("pack.exemptCollectorKinds = CREDITOR") + 1,
                problem.line());
    }

    @Test
    void anUnknownCollectorKindIsRejectedNamingIt() {
        write(properties, read(properties) + "pack.exemptCollectorKinds = CREDITORS\n"
                + "pack.exemptCollectorKinds.citation = Probe citation X\n");
        RuleLoadException failure = assertThrows(RuleLoadException.class,
                ComplianceEngine.builder().rulesDirectory(root)::build);
        assertTrue(failure.problems().get(0).message().contains("unknown collector kind 'CREDITORS'"),
                failure.getMessage());
    }
}
