package org.contactguard.core.json;

import static org.contactguard.core.json.JsonRequests.MINIMAL;
import static org.contactguard.core.json.JsonRequests.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.TestPacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each class of malformed input gives DENY with one INPUT-INVALID reason whose message starts with the
 * path of the offending field and says what is wrong.
 */
class MalformedRequestTest {

    private static ComplianceEngine engine;

    @BeforeAll
    static void loadProbePack() {
        engine = ComplianceEngine.builder().pack(TestPacks.PROBE).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # case                            | pointer                      | raw JSON value (`` = remove)            | field                        | problem contains
            unknown top-level field           | /histroy                     | []                                      | histroy                      | unknown field
            unknown nested field              | /action/chanel               | `"CALL"`                                | action.chanel                | unknown field
            unknown enum constant             | /history/0/outcome           | `"ANSWERED"`                            | history[0].outcome           | unknown constant "ANSWERED"
            enum constant in the wrong case   | /action/channel              | `"call"`                                | action.channel               | unknown constant "call"
            number where a string is expected | /debtor/id                   | 5                                       | debtor.id                    | must be a string, was number
            string where a number is expected | /accounts/0/daysPastDue      | `"45"`                                  | accounts[0].daysPastDue      | must be an integer, was string
            fraction where an integer is expected | /accounts/0/daysPastDue  | 4.5                                     | accounts[0].daysPastDue      | must be an integer, was number
            string where a boolean is expected| /action/automated            | `"true"`                                | action.automated             | must be a boolean, was string
            lone value where a list is expected | /action/accountIds         | `"A1"`                                  | action.accountIds            | must be an array, was string
            null for a required field         | /action                      | null                                    | action                       | is required
            missing required field            | /accounts/0/product          | ``                                      | accounts[0].product          | is required
            missing required object           | /debtor                      | ``                                      | debtor                       | is required
            null inside a list                | /history/0                   | null                                    | history[0]                   | must not be null
            moment without an offset          | /action/at                   | `"2026-01-14T17:00:00"`                 | action.at                    | not an ISO-8601 instant
            moment that is not a date         | /history/0/at                | `"yesterday"`                           | history[0].at                | not an ISO-8601 instant
            local time not HH:mm              | /debtor/wakingHours          | `{"from":"7am","to":"22:00"}`           | debtor.wakingHours.from      | not a time HH:mm
            unknown zone                      | /debtor/timeZones            | `["America/New_York","Mars/Base"]`      | debtor.timeZones[1]          | unknown zone "Mars/Base"
            offset instead of a zone          | /debtor/timeZones            | `["+08:00"]`                            | debtor.timeZones[0]          | "+08:00" is a fixed offset
            offset spelt as UTC+8             | /debtor/timeZones            | `["UTC+8"]`                             | debtor.timeZones[0]          | "UTC+8" is a fixed offset
            Etc/GMT offset zone               | /debtor/timeZones            | `["Etc/GMT+8"]`                         | debtor.timeZones[0]          | "Etc/GMT+8" is a fixed offset
            abbreviation instead of a zone    | /debtor/timeZones            | `["EST"]`                               | debtor.timeZones[0]          | "EST" is an abbreviation or legacy id
            legacy zone id                    | /debtor/timeZones            | `["EST5EDT"]`                           | debtor.timeZones[0]          | "EST5EDT" is an abbreviation or legacy id
            zone in the wrong case            | /debtor/timeZones            | `["america/new_york"]`                  | debtor.timeZones[0]          | did you mean America/New_York?
            zone with a stray space           | /debtor/timeZones            | `["America/New_York "]`                 | debtor.timeZones[0]          | did you mean America/New_York?
            field of another restriction kind | /debtor/restrictions         | `[{"kind":"DISPUTED","attorneyKnown":true}]` | debtor.restrictions[0].attorneyKnown | not a field of a DISPUTED restriction
            dispute field on a bankruptcy     | /debtor/restrictions         | `[{"kind":"BANKRUPTCY","withinValidationPeriod":true}]` | debtor.restrictions[0].withinValidationPeriod | not a field of a BANKRUPTCY restriction
            unknown bankruptcy status         | /debtor/restrictions         | `[{"kind":"BANKRUPTCY","status":"CLOSED"}]` | debtor.restrictions[0].status | unknown constant "CLOSED"
            restriction about an unknown debt | /debtor/restrictions         | `[{"kind":"DISPUTED","accountIds":["A9"]}]` | debtor.restrictions[0].accountIds[0] | no account with id "A9"
            automated consent without a number | /debtor/consents            | `[{"kind":"AUTOMATED_CONTACT","givenAt":"2026-01-01T00:00:00Z"}]` | debtor.consents[0].contactPointId | is required when kind is AUTOMATED_CONTACT
            blank tenant                      | /tenant                      | `" "`                                   | tenant                       | must not be blank
            jurisdiction code with a slash    | /debtor/jurisdictions        | `["US/FL"]`                             | debtor.jurisdictions[0]      | is not a jurisdiction code
            repeated debtor jurisdiction      | /debtor/jurisdictions        | `["US-FL","us-fl"]`                     | debtor.jurisdictions[1]      | duplicate jurisdiction "US-FL"
            kind-specific field missing       | /debtor/restrictions         | `[{"kind":"OPT_OUT"}]`                  | debtor.restrictions[0].channel | is required
            value out of range (model check)  | /accounts/0/daysPastDue      | -1                                      | accounts[0].daysPastDue      | must be >= 0
            contradictory field (model check) | /action/recipient            | `"SPOUSE"`                              | action.thirdPartyId          | is required when recipient is SPOUSE
            broken reference between ids      | /action/accountIds           | `["A9"]`                                | action.accountIds[0]         | no account with id "A9"
            history not in the past           | /history/0/at                | `"2026-01-14T17:00:00Z"`                | history[0].at                | is not before action.at
            unknown pack                      | /packs                       | `["nope"]`                              | packs[0]                     | unknown pack "nope"
            object where a list is expected   | /accounts                    | `{"id":"A1"}`                           | accounts                     | must be an array, was object
            """)
    void malformedInputIsDeniedNamingTheField(String name, String pointer, String json, String field, String problem) {
        Decision decision = DecisionJson.decide(engine, with(pointer, json));
        assertInputInvalid(decision, field, problem);
        assertEquals("R-1", decision.id(), "the id is echoed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # case                  | text                                                      | field                 | problem contains
            not JSON at all         | hello                                                     | request               | malformed JSON at line 1 column
            cut short               | `{"id":"X","action":{"channel":"CALL"`                   | action.channel        | malformed JSON at line 1 column 37: Unexpected end-of-input: expected close marker for Object
            trailing content        | `{"id":"X"} {}`                                           | request               | malformed JSON
            duplicate key           | `{"id":"X","debtor":{"id":"D1","id":"D2"}}`               | debtor.id             | Duplicate field 'id'
            empty line              | ``                                                        | request               | is empty
            """)
    void unparseableTextIsDeniedNamingWhereItBroke(String name, String text, String field, String problem) {
        Decision decision = DecisionJson.decide(engine, text == null ? "" : text);
        assertInputInvalid(decision, field, problem);
    }

    private static void assertInputInvalid(Decision decision, String field, String problem) {
        assertEquals(Verdict.DENY, decision.verdict());
        assertEquals(1, decision.reasons().size(), decision::toString);
        Reason reason = decision.reasons().get(0);
        assertEquals(Reason.INPUT_INVALID, reason.ruleId());
        assertTrue(reason.message().startsWith(field + ": "), () -> "expected field " + field + " in " + reason.message());
        assertTrue(reason.message().contains(problem), () -> "expected '" + problem + "' in " + reason.message());
        assertTrue(!reason.message().contains("Source:"), () -> "parser noise in " + reason.message());
    }

    @org.junit.jupiter.api.Test
    void theMinimalRequestIsValid() {
        assertEquals(Verdict.ALLOW, DecisionJson.decide(engine, MINIMAL).verdict());
    }
}
