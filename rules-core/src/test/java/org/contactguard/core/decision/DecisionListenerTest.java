package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.ADULT_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.TEN_PM_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.callAboutA1AtNoon;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.decision.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;

/** Listeners see every decision and reload; a veto or a failing listener turns the answer into DENY. */
class DecisionListenerTest {

    private static final DecisionRequest ALLOWED_CALL = callAboutA1AtNoon().build();
    private static final DecisionRequest LATE_CALL = request(callAt(TEN_PM_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK)
            .id("R-late").build();

    /** Keeps what it is told. */
    static final class Recording implements DecisionListener {
        final List<DecisionRequest> requests = Collections.synchronizedList(new ArrayList<>());
        final List<Decision> decisions = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> durations = Collections.synchronizedList(new ArrayList<>());
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onDecision(DecisionRequest request, Decision decision, Duration duration) {
            requests.add(request);
            decisions.add(decision);
            durations.add(duration);
        }

        @Override
        public void onStart(RuleSet rules) {
            events.add("start " + rules.defaultVersion());
        }

        @Override
        public void onReload(RuleSet previous, RuleSet current) {
            events.add("reload " + previous.defaultVersion() + " -> " + current.defaultVersion());
        }

        @Override
        public void onReloadFailed(RuleLoadException failure) {
            events.add("reload failed");
        }
    }

    private static ComplianceEngine probe(DecisionListener... listeners) {
        ComplianceEngine.Builder builder = ComplianceEngine.builder().pack(TestPacks.PROBE);
        for (DecisionListener listener : listeners) {
            builder.listener(listener);
        }
        return builder.build();
    }

    @Nested
    class EveryDecisionIsReported {

        @Test
        void decideReportsTheRequestTheDecisionAndHowLongItTook() {
            Recording recording = new Recording();
            ComplianceEngine engine = probe(recording);

            Decision decision = engine.decide(ALLOWED_CALL);

            assertEquals(List.of(decision), recording.decisions);
            assertSame(ALLOWED_CALL, recording.requests.get(0));
            assertTrue(recording.durations.get(0).toNanos() > 0, "a decision takes some time");
        }

        @Test
        void decideAllReportsEachDecisionInOrder() {
            Recording recording = new Recording();
            ComplianceEngine engine = probe(recording);

            List<Decision> decisions = engine.decideAll(List.of(ALLOWED_CALL, LATE_CALL));

            assertEquals(decisions, recording.decisions);
            assertEquals(List.of(ALLOWED_CALL, LATE_CALL), recording.requests);
        }

        @Test
        void anInvalidOrMissingRequestIsReportedToo() {
            Recording recording = new Recording();
            ComplianceEngine engine = probe(recording);

            Decision decision = engine.decide(null);

            assertEquals(List.of(decision), recording.decisions);
            assertNull(recording.requests.get(0));
            assertEquals(List.of(Reason.INPUT_INVALID), decision.ruleIds());
        }

        @Test
        void aDecisionMadeWithoutTheRulesIsReportedThroughReport() {
            Recording recording = new Recording();
            ComplianceEngine engine = probe(recording);
            Decision unavailable = Decision.denied("R-1", Reason.ledgerUnavailable("database down"), engine.version());

            Decision given = engine.report(ALLOWED_CALL, unavailable, Duration.ofMillis(3));

            assertSame(unavailable, given);
            assertEquals(List.of(unavailable), recording.decisions);
            assertEquals(Duration.ofMillis(3), recording.durations.get(0));
        }

        @Test
        void theRequestIdIsInTheLogMdcWhileDecidingAndReportingAndGoneAfter() throws ReflectiveOperationException {
            // slf4j-simple, the tests' logger, keeps no MDC: give SLF4J its basic one for this test.
            Field adapter = MDC.class.getDeclaredField("mdcAdapter");
            adapter.setAccessible(true);
            Object previous = adapter.get(null);
            adapter.set(null, new BasicMDCAdapter());
            try {
                mdcIsSetAndCleared();
            } finally {
                adapter.set(null, previous);
            }
        }

        private void mdcIsSetAndCleared() {
            List<String> seen = new ArrayList<>();
            ComplianceEngine engine = probe((request, decision, took) -> seen.add(MDC.get(ComplianceEngine.MDC_REQUEST_ID)));

            engine.decide(ALLOWED_CALL);
            engine.decideAll(List.of(LATE_CALL));

            assertEquals(List.of(ALLOWED_CALL.id(), LATE_CALL.id()), seen);
            assertNull(MDC.get(ComplianceEngine.MDC_REQUEST_ID));
            assertNull(MDC.get(ComplianceEngine.MDC_TENANT));
        }

        @Test
        void listenersAreToldOfTheStartAndOfEveryReloadAndFailedReload(@TempDir Path root) {
            Path probe = TestPacks.copy(TestPacks.PROBE, root);
            Recording recording = new Recording();
            ComplianceEngine engine = ComplianceEngine.builder().rulesDirectory(root).listener(recording).build();
            String first = engine.version();

            TestPacks.edit(probe.resolve("pack.properties"), "callCap = 2", "callCap = 3");
            engine.reload();
            String second = engine.version();
            TestPacks.edit(probe.resolve("pack.properties"), "callCap = 3", "callCap = -1");
            assertThrows(RuleLoadException.class, engine::reload);

            assertEquals(List.of("start " + first, "reload " + first + " -> " + second, "reload failed"),
                    recording.events);
        }
    }

    @Nested
    class AListenerThatCannotKeepItsRecordDenies {

        @Test
        void aVetoTurnsAnAllowIntoADenyWithTheVetosReason() {
            Reason auditDown = Reason.auditUnavailable("queue full");
            ComplianceEngine engine = probe((request, decision, took) -> {
                throw new DecisionVetoedException(auditDown);
            });

            Decision decision = engine.decide(ALLOWED_CALL);

            assertEquals(Verdict.DENY, decision.verdict());
            assertEquals(List.of(auditDown), decision.reasons());
            assertEquals(ALLOWED_CALL.id(), decision.id());
        }

        @Test
        void aVetoOfADenyKeepsTheRulesReasonsAndAddsItsOwn() {
            ComplianceEngine engine = probe((request, decision, took) -> {
                throw new DecisionVetoedException(Reason.auditUnavailable("queue full"));
            });

            Decision decision = engine.decide(LATE_CALL);

            assertEquals(List.of("PROBE-HOURS-01", Reason.AUDIT_UNAVAILABLE), decision.ruleIds());
        }

        @Test
        void aListenerThatThrowsAnythingElseGivesEngineError() {
            ComplianceEngine engine = probe((request, decision, took) -> {
                throw new IllegalStateException("bug in a listener");
            });

            Decision decision = engine.decide(ALLOWED_CALL);

            assertEquals(List.of(Reason.ENGINE_ERROR), decision.ruleIds());
        }

        @Test
        void listenersAfterAVetoSeeTheDeny() {
            Recording before = new Recording();
            Recording after = new Recording();
            ComplianceEngine engine = probe(before, (request, decision, took) -> {
                throw new DecisionVetoedException(Reason.auditUnavailable("queue full"));
            }, after);

            Decision given = engine.decide(ALLOWED_CALL);

            assertEquals(Verdict.ALLOW, before.decisions.get(0).verdict());
            assertEquals(List.of(given), after.decisions);
        }

        @Test
        void withoutListenersNothingChanges() {
            ComplianceEngine engine = probe();

            assertEquals(Verdict.ALLOW, engine.decide(ALLOWED_CALL).verdict());
        }
    }
}
