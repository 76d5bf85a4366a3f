package org.contactguard.core.json;

import static org.contactguard.core.json.JsonRequests.MINIMAL;
import static org.contactguard.core.json.JsonRequests.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.BankruptcyStatus;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Restriction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 2026-12-03 additions and corrections in the JSON form: defaults, strictness, and unread fields. */
class ContractAdditionsJsonTest {

    private static ComplianceEngine engine;

    @BeforeAll
    static void loadProbePack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws java.io.IOException {
        // Tenant bank-7's overlay sets nothing, so naming it changes nothing (an unknown tenant is INPUT-INVALID).
        java.nio.file.Path bank7 = java.nio.file.Files.writeString(folder.resolve("bank-7.properties"), "");
        engine = ComplianceEngine.builder().pack(TestPacks.PROBE).tenant("bank-7", bank7).build();
    }

    private static DecisionRequest read(String json) {
        DecisionJson.ReadResult r = DecisionJson.readRequest(json);
        assertTrue(r.isValid(), () -> String.valueOf(r.problem()));
        return r.request();
    }

    private static String withThirdParty(String thirdParty) {
        return with("/thirdParties", "[" + thirdParty + "]");
    }

    @Test
    void thirdPartyWithoutRequestedCallbackDidNotAskForOne() {
        DecisionRequest r = read(withThirdParty("{\"id\":\"T1\",\"relation\":\"EMERGENCY_CONTACT\",\"debtRelated\":false}"));
        assertFalse(r.thirdParties().get(0).requestedCallback());
    }

    @Test
    void thirdPartyThatAskedForACallbackSaysSo() {
        DecisionRequest r = read(withThirdParty(
                "{\"id\":\"T1\",\"relation\":\"EMERGENCY_CONTACT\",\"debtRelated\":false,\"requestedCallback\":true}"));
        assertTrue(r.thirdParties().get(0).requestedCallback());
    }

    @Test
    void newOptionalFieldsLeftOutTakeTheirDefaults() {
        DecisionRequest r = read(MINIMAL);
        assertNull(r.tenant());
        assertFalse(r.collector().lawFirm());
        assertEquals(List.of(), r.debtor().jurisdictions());
        assertFalse(r.action().prerecorded());
        assertFalse(r.history().get(0).prerecorded());
    }

    @Test
    void disputeWithoutItsOptionalFieldsIsUnwrittenAndOutsideTheValidationPeriod() {
        Restriction dispute = read(with("/debtor/restrictions", "[{\"kind\":\"DISPUTED\"}]")).debtor().restrictions().get(0);
        assertFalse(dispute.written() || dispute.withinValidationPeriod());
        assertEquals(List.of(), dispute.accountIds());
    }

    @Test
    void ceaseStillNeedsWritten() {
        DecisionJson.ReadResult r = DecisionJson.readRequest(with("/debtor/restrictions",
                "[{\"kind\":\"CEASE_COMMUNICATION\"}]"));
        assertEquals("debtor.restrictions[0].written", r.problem().field());
    }

    @Test
    void bankruptcyWithoutStatusIsOpen() {
        Restriction b = read(with("/debtor/restrictions", "[{\"kind\":\"BANKRUPTCY\"}]")).debtor().restrictions().get(0);
        assertEquals(BankruptcyStatus.OPEN, b.status());
    }

    @Test
    void restrictionAboutOneAccountNamesIt() {
        Restriction r = read(with("/debtor/restrictions", "[{\"kind\":\"ATTORNEY_REPRESENTED\",\"attorneyKnown\":true,"
                + "\"accountIds\":[\"A1\"]}]")).debtor().restrictions().get(0);
        assertEquals(List.of("A1"), r.accountIds());
    }

    @Test
    void prerecordedOnAnSmsIsInputInvalidNamingTheField() {
        String json = with("/action/prerecorded", "true").replace("\"channel\":\"CALL\",\"at\":\"2026-01-14T17",
                "\"channel\":\"SMS\",\"at\":\"2026-01-14T17");
        DecisionJson.ReadResult r = DecisionJson.readRequest(json);
        assertEquals("action.prerecorded", r.problem().field());
    }

    @Test
    void fieldsNoLoadedPackReadsAreNotAnErrorAndChangeNothing() {
        String json = with("/tenant", "\"bank-7\"");
        json = DecisionJson.write(withField(json, "/collector", "{\"kind\":\"THIRD_PARTY_COLLECTOR\",\"lawFirm\":true}"),
                false);
        json = DecisionJson.write(withField(json, "/debtor/jurisdictions", "[\"US-FL\"]"), false);
        json = DecisionJson.write(withField(json, "/action/prerecorded", "true"), false);
        json = DecisionJson.write(withField(json, "/debtor/restrictions",
                "[{\"kind\":\"BREATHING_SPACE\",\"mentalHealthCrisis\":true},{\"kind\":\"BANKRUPTCY\",\"status\":\"DISCHARGED\"}]"),
                false);
        Decision plain = DecisionJson.decide(engine, MINIMAL);
        Decision withAdditions = DecisionJson.decide(engine, json);
        assertEquals(plain.verdict(), withAdditions.verdict(), withAdditions::toString);
        assertEquals(plain.ruleIds(), withAdditions.ruleIds());
    }

    /** Sets the field at {@code pointer} of {@code json} to raw JSON {@code value}. */
    private static com.fasterxml.jackson.databind.JsonNode withField(String json, String pointer, String value) {
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) DecisionJson.parse(json);
        int slash = pointer.lastIndexOf('/');
        var parent = (com.fasterxml.jackson.databind.node.ObjectNode) (slash == 0 ? root : root.at(pointer.substring(0, slash)));
        parent.set(pointer.substring(slash + 1), DecisionJson.parse("[" + value + "]").get(0));
        return root;
    }
}
