package org.contactguard.core.json;

import static org.contactguard.core.json.JsonRequests.MINIMAL;
import static org.contactguard.core.json.JsonRequests.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.model.Authority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The published schemas, run by a real JSON Schema validator, accept what the codec accepts and writes. */
class JsonSchemaValidationTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema REQUEST =
            FACTORY.getSchema(DecisionJson.parse(JsonRequests.resource("contactguard-request.schema.json")));
    private static final JsonSchema DECISION =
            FACTORY.getSchema(DecisionJson.parse(JsonRequests.resource("contactguard-decision.schema.json")));

    private static Set<ValidationMessage> requestErrors(String json) {
        return REQUEST.validate(DecisionJson.parse(json));
    }

    @Test
    void requestsTheCodecReadsAndWritesAreValid() {
        String full = JsonRequests.resource("json/full-request.json");
        assertEquals(Set.of(), requestErrors(full));
        assertEquals(Set.of(), requestErrors(MINIMAL));
        assertEquals(Set.of(), requestErrors(DecisionJson.writeRequest(DecisionJson.parseRequest(full))));
        assertEquals(Set.of(), requestErrors(with("/action/place", "null")), "null means left out");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown field                   | /histroy                   | []
            unknown constant                | /history/0/outcome         | `"ANSWERED"`
            string for a number             | /accounts/0/daysPastDue    | `"45"`
            lone value for a list           | /action/accountIds         | `"A1"`
            missing required field          | /accounts/0/product        | ``
            moment without offset           | /action/at                 | `"2026-01-14T17:00:00"`
            field of another restriction    | /debtor/restrictions       | `[{"kind":"DISPUTED","attorneyKnown":true}]`
            dispute field on a bankruptcy   | /debtor/restrictions       | `[{"kind":"BANKRUPTCY","withinValidationPeriod":true}]`
            unknown bankruptcy status       | /debtor/restrictions       | `[{"kind":"BANKRUPTCY","status":"CLOSED"}]`
            automated consent without number | /debtor/consents          | `[{"kind":"AUTOMATED_CONTACT","givenAt":"2026-01-01T00:00:00Z"}]`
            fixed offset for a zone         | /debtor/timeZones          | `["UTC+8"]`
            abbreviation for a zone         | /debtor/timeZones          | `["EST"]`
            Etc/GMT offset for a zone       | /debtor/timeZones          | `["Etc/GMT+8"]`
            jurisdiction code with a slash  | /debtor/jurisdictions      | `["US/FL"]`
            kind-specific field missing     | /debtor/restrictions       | `[{"kind":"OPT_OUT"}]`
            """)
    void requestsTheCodecRejectsAreInvalid(String name, String pointer, String json) {
        String changed = with(pointer, json);
        assertFalse(requestErrors(changed).isEmpty(), name);
        assertFalse(DecisionJson.readRequest(changed).isValid(), name);
    }

    @Test
    void decisionsTheCodecWritesAreValid() {
        Reason reason = new Reason("PROBE-CAP-01", "probe", "Probe citation C", Authority.REGULATION, "Too many");
        List<Decision> decisions = List.of(
                new Decision("R-7", Verdict.DENY, List.of(reason), List.of(reason), Instant.parse("2026-01-15T13:00:00Z"), "v"),
                new Decision(null, Verdict.ALLOW, List.of(), List.of(), null, "v"),
                Decision.denied("x", Reason.inputInvalid("action.at", "is required"), "v"));
        for (Decision decision : decisions) {
            JsonNode tree = DecisionJson.decisionTree(decision);
            assertEquals(Set.of(), DECISION.validate(tree), tree::toString);
        }
        assertFalse(DECISION.validate(DecisionJson.parse("{\"verdict\":\"MAYBE\"}")).isEmpty());
    }
}
