package org.contactguard.core.json;

import static org.contactguard.core.json.JsonRequests.MINIMAL;
import static org.contactguard.core.json.JsonRequests.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Authority;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPointSource;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {

    private static ComplianceEngine engine;

    @BeforeAll
    static void loadProbePack() {
        engine = ComplianceEngine.builder().packs(TestPacks.PROBE, TestPacks.HOUSE).build();
    }

    @Test
    void everyFieldOfTheContractSurvivesARoundTrip() {
        String json = JsonRequests.resource("json/full-request.json");
        DecisionRequest request = DecisionJson.parseRequest(json);

        // Canonical form written back equals what was read, field for field.
        assertEquals(DecisionJson.parse(json), DecisionJson.requestTree(request));
        assertEquals(request, DecisionJson.parseRequest(DecisionJson.writeRequest(request)));

        // A sample of fields, checked in the Java model, so a field read into the wrong slot is caught.
        assertEquals(CollectorKind.OUTSOURCED_AGENCY, request.collector().kind());
        assertTrue(request.collector().personalDevicesApproved());
        assertEquals(List.of("probe", "house"), request.packs());
        assertEquals(2, request.action().visit().staffCount());
        assertEquals(Visibility.PUBLIC, request.action().visibility());
        assertFalse(request.action().identifiesCaller());
        assertEquals(List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York")), request.debtor().timeZones());
        assertEquals(LocalTime.of(22, 30), request.debtor().wakingHours().to());
        assertEquals(RestrictionKind.values().length,
                request.debtor().restrictions().stream().map(r -> r.kind()).distinct().count(), "every kind");
        // The 2026-12-03 additions, each in its own slot.
        assertEquals("portfolio-9", request.tenant());
        assertTrue(request.collector().lawFirm());
        assertEquals(List.of("US-NYC", "CN"), request.debtor().jurisdictions());
        assertEquals(List.of("A1"), request.debtor().restrictions().get(0).accountIds());
        var dispute = request.debtor().restrictions().get(8);
        assertTrue(dispute.written() && dispute.withinValidationPeriod());
        assertEquals(Instant.parse("2026-02-20T00:00:00Z"), dispute.verificationSentAt());
        assertEquals(List.of("A2"), dispute.accountIds());
        assertEquals(org.contactguard.core.model.BankruptcyStatus.OPEN, request.debtor().restrictions().get(9).status());
        assertEquals(org.contactguard.core.model.BankruptcyStatus.RELIEF_FROM_STAY,
                request.debtor().restrictions().get(10).status());
        assertTrue(request.debtor().restrictions().get(16).mentalHealthCrisis());
        assertEquals(org.contactguard.core.model.ConsentKind.AUTOMATED_CONTACT, request.debtor().consents().get(5).kind());
        assertEquals(org.contactguard.core.model.Recipient.COMMANDING_OFFICER, request.thirdParties().get(2).relation());
        assertFalse(request.thirdParties().get(2).requestedCallback());
        assertTrue(request.history().get(0).prerecorded());
        assertFalse(request.action().prerecorded());
        assertEquals(Instant.parse("2026-02-01T09:00:00Z"), request.debtor().restrictions().get(5).confirmedInWritingAt());
        assertEquals("SVC-1", request.accounts().get(0).servicingAccountNumber());
        ContactAttempt voicemail = request.history().get(0);
        assertEquals(Outcome.VOICEMAIL, voicemail.outcome());
        assertTrue(voicemail.messageLeft());
        assertEquals("AG-7", voicemail.collectorId());
        assertTrue(request.history().get(1).visit().personContacted());
    }

    @Test
    void optionalFieldsTakeTheContractDefaults() {
        DecisionRequest request = DecisionJson.parseRequest(MINIMAL);

        assertEquals(List.of(), request.packs());
        assertEquals(CollectorKind.THIRD_PARTY_COLLECTOR, request.collector().kind());
        assertFalse(request.collector().personalDevicesApproved());
        assertEquals(Place.OTHER, request.action().place());
        assertEquals(Purpose.COLLECTION, request.action().purpose());
        assertEquals(Initiator.COLLECTOR, request.action().initiatedBy());
        assertEquals(Visibility.PRIVATE, request.action().visibility());
        assertTrue(request.action().identifiesCaller());
        assertFalse(request.action().automated() || request.action().viaPersonalDevice()
                || request.action().leavesMessage() || request.action().disclosesDebt());
        assertEquals(ContactPointSource.UNKNOWN, request.action().contactPoint().source());
        assertFalse(request.action().contactPoint().shared() || request.action().contactPoint().employerProvided());
        assertFalse(request.debtor().minor());
        assertNull(request.debtor().wakingHours());
        assertEquals(List.of(), request.debtor().restrictions());
        assertEquals(List.of(), request.thirdParties());
        assertNull(request.history().get(0).collectorId());
        assertFalse(request.accounts().get(0).timeBarred());
    }

    @Test
    void nullMeansTheSameAsLeavingAnOptionalFieldOut() {
        assertEquals(DecisionJson.parseRequest(MINIMAL), DecisionJson.parseRequest(with("/action/place", "null")));
        assertEquals(DecisionJson.parseRequest(MINIMAL), DecisionJson.parseRequest(with("/thirdParties", "null")));
    }

    @Test
    void momentsWithAnOffsetAreTheSameInstant() {
        DecisionRequest request = DecisionJson.parseRequest(with("/action/at", "\"2026-01-14T12:00:00-05:00\""));
        assertEquals(Instant.parse("2026-01-14T17:00:00Z"), request.action().at());
    }

    @Test
    void everyFieldOfADecisionSurvivesARoundTrip() {
        Reason reason = new Reason("PROBE-CAP-01", "probe", "Probe citation C", Authority.REGULATION, "Too many");
        Reason advisory = new Reason("PROBE-AUTO-01", "probe", "Probe citation A", Authority.OFFICIAL_GUIDANCE, "Auto");
        Decision denied = new Decision("R-7", Verdict.DENY, List.of(reason), List.of(advisory),
                Instant.parse("2026-01-15T13:00:00Z"), "abc123");
        Decision allowed = new Decision(null, Verdict.ALLOW, List.of(), List.of(), null, "abc123");

        assertEquals(denied, DecisionJson.readDecision(DecisionJson.writeDecision(denied)));
        assertEquals(allowed, DecisionJson.readDecision(DecisionJson.writeDecision(allowed)));
        assertEquals("{\"id\":\"R-7\",\"verdict\":\"DENY\",\"reasons\":[{\"ruleId\":\"PROBE-CAP-01\",\"pack\":\"probe\","
                + "\"citation\":\"Probe citation C\",\"authority\":\"REGULATION\",\"message\":\"Too many\"}],"
                + "\"advisories\":[{\"ruleId\":\"PROBE-AUTO-01\",\"pack\":\"probe\",\"citation\":\"Probe citation A\","
                + "\"authority\":\"OFFICIAL_GUIDANCE\",\"message\":\"Auto\"}],"
                + "\"nextPermittedAt\":\"2026-01-15T13:00:00Z\",\"ruleSetVersion\":\"abc123\"}",
                DecisionJson.writeDecision(denied));
        assertEquals("{\"id\":null,\"verdict\":\"ALLOW\",\"reasons\":[],\"advisories\":[],\"nextPermittedAt\":null,"
                + "\"ruleSetVersion\":\"abc123\"}", DecisionJson.writeDecision(allowed));
    }

    @Test
    void aDecisionWhoseVerdictContradictsItsReasonsIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DecisionJson.readDecision(
                "{\"id\":null,\"verdict\":\"DENY\",\"reasons\":[],\"advisories\":[],\"nextPermittedAt\":null,"
                        + "\"ruleSetVersion\":\"v\"}"));
        assertEquals("verdict", e.field());
    }

    @Test
    void aValidLineIsDecidedByTheEngine() {
        Decision decision = DecisionJson.readDecision(DecisionJson.decideLine(engine, MINIMAL));
        assertEquals(Verdict.ALLOW, decision.verdict());
        assertEquals("R-1", decision.id());
        assertEquals(engine.decide(DecisionJson.parseRequest(MINIMAL)), decision);
    }

    @Test
    void aDeniedLineCarriesReasonsAdvisoriesAndNextPermittedMoment() {
        String minorAutomatedAtTenPm = with("/action/automated", "true")
                .replace("\"timeZones\"", "\"minor\":true,\"timeZones\"");
        Decision decision = DecisionJson.readDecision(DecisionJson.decideLine(engine, minorAutomatedAtTenPm));
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"), decision.ruleIds());
        assertEquals("PROBE-AUTO-01", decision.advisories().get(0).ruleId());
    }

    @Test
    void everyLineOfABatchGetsExactlyOneDecisionInOrderEvenWhenBroken() {
        List<String> lines = List.of(MINIMAL.replace("\n", ""), "{\"id\":\"broken-2\", \"action\": {", "",
                with("/id", "\"R-4\"").replace("CREDIT_CARD", "CARD"), "[1,2]");
        List<Decision> decisions = lines.stream().map(line -> DecisionJson.decideLine(engine, line))
                .map(DecisionJson::readDecision).toList();

        assertEquals(lines.size(), decisions.size());
        assertEquals(Verdict.ALLOW, decisions.get(0).verdict());
        assertEquals("broken-2", decisions.get(1).id());
        assertNull(decisions.get(2).id());
        assertEquals("R-4", decisions.get(3).id());
        assertTrue(decisions.get(3).reasons().get(0).message().startsWith("accounts[0].product: unknown constant \"CARD\""),
                decisions.get(3).reasons().get(0).message());
        assertEquals("request: must be an object, was array", decisions.get(4).reasons().get(0).message());
        for (Decision d : decisions.subList(1, decisions.size())) {
            assertEquals(Verdict.DENY, d.verdict());
            assertEquals(List.of(Reason.INPUT_INVALID), d.ruleIds());
            assertEquals(engine.version(), d.ruleSetVersion());
        }
    }
}
