package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.ADULT_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.NOON_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.ZONE_UNKNOWN;
import static org.contactguard.core.decision.Requests.callAboutA1AtNoon;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.decision.Requests.request;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Authority;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code decide} never throws and never allows what it could not decide. */
class DecideFailsClosedTest {

    private static ComplianceEngine probe;
    private static ComplianceEngine faulty;

    @BeforeAll
    static void buildEngines() {
        probe = ComplianceEngine.builder().pack(TestPacks.PROBE).build();
        faulty = ComplianceEngine.builder().pack(TestPacks.FAULTY).build();
    }

    /** Asserts DENY with the single reserved reason {@code ruleId} from the engine, and returns its message. */
    private static String assertDeniedByEngine(String ruleId, Decision decision) {
        assertEquals(Verdict.DENY, decision.verdict(), decision::toString);
        assertEquals(List.of(ruleId), decision.ruleIds(), decision::toString);
        Reason reason = decision.reasons().get(0);
        assertEquals(Reason.ENGINE_PACK, reason.pack(), decision::toString);
        assertEquals(Authority.HOUSE_POLICY, reason.authority(), decision::toString);
        assertEquals(List.of(), decision.advisories(), decision::toString);
        assertNull(decision.nextPermittedAt(), decision::toString);
        return reason.message();
    }

    private static DecisionRequest requestFromDebtor(String debtorId) {
        return request(callAt(NOON_IN_NEW_YORK, "A1").build(), Debtor.of(debtorId, "America/New_York")).build();
    }

    // --- INPUT-INVALID ---

    @Test
    void aMomentOutsideTheSupportedYearsIsInputInvalidNamingItsField() {
        for (java.time.Instant extreme : List.of(java.time.Instant.MAX, java.time.Instant.MIN,
                java.time.Instant.parse("+10000-01-01T00:00:00Z"), java.time.Instant.parse("1899-12-31T23:59:59Z"))) {
            Decision decision = probe.decide(request(callAt(extreme, "A1").build(), ADULT_IN_NEW_YORK).build());
            String message = assertDeniedByEngine(Reason.INPUT_INVALID, decision);
            assertTrue(message.startsWith("action.at: "), message);
        }
        DecisionRequest oldHistory = callAboutA1AtNoon().history(List.of(ContactAttempt.call(java.time.Instant.MIN,
                "A1", Requests.MOBILE, Outcome.NO_ANSWER))).build();
        String message = assertDeniedByEngine(Reason.INPUT_INVALID, probe.decide(oldHistory));
        assertTrue(message.startsWith("history[0].at: "), message);
    }

    @Test
    void theFirstAndLastSupportedMomentsAreDecided() {
        for (String edge : List.of("1900-01-01T05:00:00Z", "9999-12-30T17:00:00Z")) {
            Decision decision = probe.decide(request(callAt(java.time.Instant.parse(edge), "A1").build(),
                    ADULT_IN_NEW_YORK).build());
            assertTrue(decision.ruleIds().stream().noneMatch(id -> id.equals(Reason.INPUT_INVALID)
                    || id.equals(Reason.ENGINE_ERROR)), decision::toString);
        }
    }

    @Test
    void nullRequestIsDeniedAsInputInvalidNamingTheRequest() {
        Decision decision = assertDoesNotThrow(() -> probe.decide(null));
        String message = assertDeniedByEngine(Reason.INPUT_INVALID, decision);
        assertTrue(message.startsWith("request:"), message);
        assertNull(decision.id());
        assertEquals(probe.version(), decision.ruleSetVersion());
    }

    @Test
    void unknownPackInTheRequestIsDeniedAsInputInvalidNamingPacks0() {
        Decision decision = probe.decide(callAboutA1AtNoon().packs("us-regf").build());
        String message = assertDeniedByEngine(Reason.INPUT_INVALID, decision);
        assertTrue(message.startsWith("packs[0]: unknown pack \"us-regf\""), message);
        assertEquals("R-1", decision.id());
    }

    @Test
    void historyEntryAtTheActionTimeIsDeniedAsInputInvalidNamingHistory0At() {
        ContactAttempt sameMoment = ContactAttempt.call(NOON_IN_NEW_YORK, "A1", Requests.MOBILE, Outcome.NO_ANSWER);
        String message = assertDeniedByEngine(Reason.INPUT_INVALID,
                probe.decide(callAboutA1AtNoon().attempt(sameMoment).build()));
        assertTrue(message.startsWith("history[0].at:"), message);
    }

    @Test
    void historyEntryAfterTheActionTimeIsDeniedAsInputInvalidNamingItsIndex() {
        ContactAttempt earlier = ContactAttempt.call(NOON_IN_NEW_YORK.minus(Duration.ofHours(1)), "A1",
                Requests.MOBILE, Outcome.NO_ANSWER);
        ContactAttempt later = ContactAttempt.call(NOON_IN_NEW_YORK.plusSeconds(1), "A1", Requests.MOBILE,
                Outcome.NO_ANSWER);
        String message = assertDeniedByEngine(Reason.INPUT_INVALID,
                probe.decide(callAboutA1AtNoon().attempt(earlier).attempt(later).build()));
        assertTrue(message.startsWith("history[1].at:"), message);
    }

    @Test
    void actionAboutAnAccountTheRequestDoesNotHoldIsDeniedAsInputInvalid() {
        DecisionRequest request = request(callAt(NOON_IN_NEW_YORK, "A9").build(), ADULT_IN_NEW_YORK).build();
        String message = assertDeniedByEngine(Reason.INPUT_INVALID, probe.decide(request));
        assertEquals("action.accountIds[0]: no account with id \"A9\"", message);
    }

    @Test
    void ruleThatFindsTheRequestUnusableDeniesAsInputInvalidWithTheRulesCitation() {
        Decision decision = probe.decide(request(callAt(NOON_IN_NEW_YORK, "A1").build(), ZONE_UNKNOWN).build());
        assertEquals(List.of(new Reason(Reason.INPUT_INVALID, TestPacks.PROBE, "Probe citation H", Authority.REGULATION,
                "debtor.timeZones: is empty; PROBE-HOURS-01 needs a zone")), decision.reasons());
        assertNull(decision.nextPermittedAt(), "an unusable request has no next permitted moment");
    }

    // --- ENGINE-ERROR ---

    @Test
    void faultyPackAllowsWhenNoFaultyRuleFires() {
        assertEquals(Verdict.ALLOW, faulty.decide(requestFromDebtor("D1")).verdict());
    }

    @Test
    void consequenceThatThrowsIsDeniedAsEngineErrorWithoutThrowing() {
        Decision decision = assertDoesNotThrow(() -> faulty.decide(requestFromDebtor("boom")));
        String message = assertDeniedByEngine(Reason.ENGINE_ERROR, decision);
        assertTrue(message.contains("boom"), message);
        assertEquals("R-1", decision.id());
        assertEquals(faulty.version(), decision.ruleSetVersion());
    }

    @Test
    void consequenceThatDereferencesNullIsDeniedAsEngineError() {
        Decision decision = assertDoesNotThrow(() -> faulty.decide(requestFromDebtor("npe")));
        assertDeniedByEngine(Reason.ENGINE_ERROR, decision);
    }

    @Test
    void ruleThatKeepsRetriggeringItselfIsDeniedAsEngineError() {
        Decision decision = assertDoesNotThrow(() -> faulty.decide(requestFromDebtor("loop")));
        String message = assertDeniedByEngine(Reason.ENGINE_ERROR, decision);
        assertTrue(message.contains("looping"), message);
    }

    @Test
    void findingUnderAnIdNoLoadedRuleHasIsDeniedAsEngineError() {
        Decision decision = assertDoesNotThrow(() -> faulty.decide(requestFromDebtor("forged")));
        assertDeniedByEngine(Reason.ENGINE_ERROR, decision);
    }

    @Test
    void findingUnderAnIdNoLoadedRuleHasIsReportedByThatId() {
        String message = assertDeniedByEngine(Reason.ENGINE_ERROR, faulty.decide(requestFromDebtor("forged")));
        assertTrue(message.contains("unknown @id NOT-LOADED-01"), message);
    }

    @Test
    void engineKeepsDecidingCorrectlyAfterEngineErrors() {
        // More failures than the session pool holds: a failed session must never be reused.
        int rounds = 2 * Runtime.getRuntime().availableProcessors() + 2;
        for (int i = 0; i < rounds; i++) {
            assertDeniedByEngine(Reason.ENGINE_ERROR, faulty.decide(requestFromDebtor(i % 2 == 0 ? "boom" : "loop")));
            assertEquals(Verdict.ALLOW, faulty.decide(requestFromDebtor("D1")).verdict());
        }
    }
}
