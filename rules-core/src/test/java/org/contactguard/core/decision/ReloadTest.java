package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.ADULT_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.NOON_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.decision.Requests.capReachedBefore;
import static org.contactguard.core.decision.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleProblem;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reload()} reads the rules folder again and swaps atomically, or changes nothing. */
class ReloadTest {

    private static final int THREADS = 4;
    private static final int MIN_DECISIONS_PER_THREAD = 300;
    /** Upper bound so a thread stops even if reloading never finishes; a guard, not a timing. */
    private static final int MAX_DECISIONS_PER_THREAD = 50_000;
    private static final String CAP_OF_TWO = "callCap = 2";
    private static final String CAP_OF_THREE = "callCap = 3";

    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    private Path properties;
    private Path calls;
    private ComplianceEngine engine;

    /** Two placed calls about A1: denied under the probe cap of 2, allowed under a cap of 3. */
    private final DecisionRequest twoCalls = request(callAt(NOON_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK)
            .history(capReachedBefore(NOON_IN_NEW_YORK, "A1")).build();

    @BeforeEach
    void engineOnACopyOfTheProbePack() {
        Path probe = TestPacks.copy(TestPacks.PROBE, root);
        properties = probe.resolve("pack.properties");
        calls = probe.resolve("calls.drl");
        engine = ComplianceEngine.builder().rulesDirectory(root).build();
    }

    @Test
    void reloadAfterEditingAParameterSwapsToTheNewRules() {
        Decision before = engine.decide(twoCalls);
        String versionBefore = engine.version();
        assertEquals(List.of("PROBE-CAP-01"), before.ruleIds());

        TestPacks.edit(properties, CAP_OF_TWO, CAP_OF_THREE);
        RuleSet reloaded = engine.reload();

        Decision after = engine.decide(twoCalls);
        assertEquals(Verdict.ALLOW, after.verdict());
        assertNotEquals(versionBefore, engine.version());
        assertEquals(engine.version(), after.ruleSetVersion());
        assertSame(reloaded, engine.rules());
    }

    @Test
    void reloadAfterEditingARuleFileSwapsToTheNewRules() {
        String versionBefore = engine.version();
        TestPacks.edit(calls, "@message(\"Too many placed calls\")", "@message(\"Call cap reached\")");
        engine.reload();
        Decision after = engine.decide(twoCalls);
        assertEquals("Call cap reached: account A1 has 2", after.reasons().get(0).message());
        assertNotEquals(versionBefore, after.ruleSetVersion());
    }

    @Test
    void failedReloadThrowsAndTheEngineKeepsDecidingExactlyAsBefore() {
        Decision before = engine.decide(twoCalls);
        String versionBefore = engine.version();
        RuleSet rulesBefore = engine.rules();

        TestPacks.edit(properties, CAP_OF_TWO, "callCap = three");
        RuleLoadException failure = assertThrows(RuleLoadException.class, engine::reload);
        RuleProblem problem = TestPacks.problemMentioning(failure, "found 'three'");
        assertEquals(properties.toString(), problem.file());
        assertEquals(TestPacks.lineOf(properties, "callCap = three"), problem.line());

        assertEquals(before, engine.decide(twoCalls));
        assertEquals(versionBefore, engine.version());
        assertSame(rulesBefore, engine.rules());

        // Once the file is fixed, the next reload takes it.
        TestPacks.edit(properties, "callCap = three", CAP_OF_THREE);
        engine.reload();
        assertEquals(Verdict.ALLOW, engine.decide(twoCalls).verdict());
    }

    /** An engine on the probe pack (cap 3) whose deployment file tightens the cap to 2. */
    private ComplianceEngine engineWithDeploymentFile(Path deployment) {
        TestPacks.edit(properties, CAP_OF_TWO, CAP_OF_THREE);
        TestPacks.write(deployment, "# deployment\nprobe.callCap = 2\nprobe.hoursEnd = 21:00\n");
        return ComplianceEngine.builder().rulesDirectory(root).parameters(deployment).build();
    }

    @Test
    void reloadOfAParameterFileThatWentEmptyIsRefusedAndTheStricterValueKeepsDeciding() {
        Path deployment = elsewhere.resolve("deployment.properties");
        ComplianceEngine tightened = engineWithDeploymentFile(deployment);
        assertEquals(List.of("PROBE-CAP-01"), tightened.decide(twoCalls).ruleIds());

        TestPacks.write(deployment, "");
        RuleLoadException failure = assertThrows(RuleLoadException.class, tightened::reload);
        RuleProblem problem = TestPacks.onlyProblem(failure);
        assertEquals(deployment.toString(), problem.file());
        assertTrue(problem.message().startsWith("is empty") && problem.message().contains("[probe.callCap, probe.hoursEnd]"),
                problem::toString);
        assertEquals(List.of("PROBE-CAP-01"), tightened.decide(twoCalls).ruleIds());
    }

    @Test
    void reloadOfAParameterFileThatLostAKeyIsRefusedUnlessTheRemovalIsAccepted() {
        Path deployment = elsewhere.resolve("deployment.properties");
        ComplianceEngine tightened = engineWithDeploymentFile(deployment);

        TestPacks.write(deployment, "# deployment, cut short\nprobe.hoursEnd = 21:00\n");
        RuleLoadException failure = assertThrows(RuleLoadException.class, tightened::reload);
        assertTrue(TestPacks.onlyProblem(failure).message().startsWith("lost the parameters [probe.callCap]"),
                failure::getMessage);
        assertEquals(List.of("PROBE-CAP-01"), tightened.decide(twoCalls).ruleIds());

        tightened.reload(ComplianceEngine.ReloadOption.ACCEPT_REMOVED_PARAMETERS);
        assertEquals(Verdict.ALLOW, tightened.decide(twoCalls).verdict());
        // The accepted state is the new baseline: reloading the same file again is fine.
        tightened.reload();
        assertEquals(Verdict.ALLOW, tightened.decide(twoCalls).verdict());
    }

    @Test
    void reloadOfAParameterFileThatGainedOrChangedKeysIsTaken() {
        Path deployment = elsewhere.resolve("deployment.properties");
        ComplianceEngine tightened = engineWithDeploymentFile(deployment);
        TestPacks.write(deployment, "probe.callCap = 3\nprobe.hoursEnd = 21:00\nprobe.hoursStart = 08:00\n");
        tightened.reload();
        assertEquals(Verdict.ALLOW, tightened.decide(twoCalls).verdict());
    }

    @Test
    void reloadWhileOtherThreadsDecideGivesEachTheOldOrTheNewAnswerNeverAnEngineError() throws Exception {
        Decision oldAnswer = engine.decide(twoCalls);
        Path newCopy = TestPacks.copy(TestPacks.PROBE, elsewhere);
        TestPacks.edit(newCopy.resolve("pack.properties"), CAP_OF_TWO, CAP_OF_THREE);
        Decision newAnswer = ComplianceEngine.builder().rulesDirectory(elsewhere).build().decide(twoCalls);
        assertEquals(List.of("PROBE-CAP-01"), oldAnswer.ruleIds());
        assertEquals(Verdict.ALLOW, newAnswer.verdict());

        CountDownLatch allDeciding = new CountDownLatch(THREADS);
        AtomicBoolean reloadsDone = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Decision>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    List<Decision> unexpected = new ArrayList<>();
                    for (int i = 0; i < MAX_DECISIONS_PER_THREAD
                            && (i < MIN_DECISIONS_PER_THREAD || !reloadsDone.get()); i++) {
                        Decision decision = engine.decide(twoCalls);
                        if (!decision.equals(oldAnswer) && !decision.equals(newAnswer) && unexpected.size() < 5) {
                            unexpected.add(decision);
                        }
                        if (i == 0) {
                            allDeciding.countDown();
                        }
                    }
                    return unexpected;
                }));
            }
            assertTrue(allDeciding.await(60, TimeUnit.SECONDS), "deciding threads did not start");
            for (int round = 0; round < 4; round++) {
                TestPacks.edit(properties, round % 2 == 0 ? CAP_OF_TWO : CAP_OF_THREE,
                        round % 2 == 0 ? CAP_OF_THREE : CAP_OF_TWO);
                engine.reload();
                assertEquals(round % 2 == 0 ? newAnswer : oldAnswer, engine.decide(twoCalls), "after reload " + round);
            }
            reloadsDone.set(true);
            for (Future<List<Decision>> result : results) {
                assertEquals(List.of(), result.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
    }
}
