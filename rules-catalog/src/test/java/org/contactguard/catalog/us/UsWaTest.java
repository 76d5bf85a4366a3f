package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.MOBILE;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** us-wa on the rule vocabulary: the weekly cap's message and evidence, and who Washington's law protects. */
class UsWaTest {

    static final Instant NOON_10_MARCH = ny("2026-03-10T12:00");
    static final List<ContactAttempt> THREE_MESSAGES_IN_SEVEN_DATES = List.of(
            voicemailWithMessage(ny("2026-03-04T10:00")), voicemailWithMessage(ny("2026-03-06T10:00")),
            voicemailWithMessage(ny("2026-03-08T10:00")));

    static ContactAttempt voicemailWithMessage(Instant at) {
        return ContactAttempt.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds("A1").outcome(Outcome.VOICEMAIL).messageLeft(true).build();
    }

    static DecisionRequest request(String accountJurisdiction, Debtor debtor, ProposedAction action,
            List<ContactAttempt> history) {
        return DecisionRequest.builder().id("wa").packs("us-regf").collector(UsFixtures.AGENCY).action(action)
                .debtor(debtor).account(Account.of("A1", Product.CREDIT_CARD, accountJurisdiction, 60))
                .history(history).build();
    }

    static Debtor inNewYorkZone(String... jurisdictions) {
        Debtor.Builder debtor = Debtor.builder("D1").zone("America/New_York");
        for (String code : jurisdictions) {
            debtor.jurisdiction(code);
        }
        return debtor.build();
    }

    @Nested
    class WeeklyCap {

        @Test
        void theReasonKeepsTheTemplateItsArgumentsAndTheCountedCommunicationsApart() {
            Reason reason = ENGINE.decide(request("US-WA", inNewYorkZone(), call(NOON_10_MARCH).build(),
                    THREE_MESSAGES_IN_SEVEN_DATES)).reasons().stream()
                    .filter(r -> r.ruleId().equals("US-WA-FREQ-01")).findFirst().orElseThrow();
            assertEquals("Washington: already {count} communications with the debtor or spouse in the {weekDays} local"
                    + " dates ending today; the cap is {weeklyCap}", reason.template());
            assertEquals(Map.of("count", "3", "weekDays", "7", "weeklyCap", "3"), reason.arguments());
            assertEquals(THREE_MESSAGES_IN_SEVEN_DATES.stream().map(ContactAttempt::at).toList(), reason.evidence());
        }

        @Test
        void aTunedCapShowsInTheMessage() {
            ComplianceEngine tuned = ComplianceEngine.builder().parameter("us-wa", "weeklyCap", "2").build();
            assertThatDecision(tuned, request("US-WA", inNewYorkZone(), call(NOON_10_MARCH).build(),
                    THREE_MESSAGES_IN_SEVEN_DATES.subList(1, 3))).isDeniedBy("US-WA-FREQ-01")
                    .hasMessageContaining("US-WA-FREQ-01", "already 2 communications with the debtor or spouse in the 7"
                            + " local dates ending today; the cap is 2");
            assertThatDecision(tuned, request("US-WA", inNewYorkZone(), call(NOON_10_MARCH).build(),
                    THREE_MESSAGES_IN_SEVEN_DATES.subList(2, 3))).isAllowed();
        }
    }

    /** Fixed: a debtor living in Washington brought the overlay in, but its rules looked only at the accounts. */
    @Nested
    class DebtorLivingInTheState {

        @Test
        void aWashingtonResidentsFederalAccountIsUnderTheWeeklyCap() {
            assertThatDecision(ENGINE, request("US", inNewYorkZone("US-WA"), call(NOON_10_MARCH).build(),
                    THREE_MESSAGES_IN_SEVEN_DATES)).isDeniedBy("US-WA-FREQ-01")
                    .hasNextPermittedAt(ny("2026-03-11T08:00"));
        }

        @Test
        void aDebtorLivingElsewhereWithAFederalAccountIsNotUnderTheWeeklyCap() {
            assertThatDecision(ENGINE, request("US", inNewYorkZone("US-TX"), call(NOON_10_MARCH).build(),
                    THREE_MESSAGES_IN_SEVEN_DATES)).isAllowed();
        }
    }
}
