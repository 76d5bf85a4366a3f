package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.HOME_PHONE;
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
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** us-ma on the rule vocabulary: templated messages with their values, and who Massachusetts law protects. */
class UsMaTest {

    static final Instant NOON_10_MARCH = ny("2026-03-10T12:00");
    static final List<ContactAttempt> TEXT_AND_VOICEMAIL_TO_PERSONAL_NUMBERS = List.of(
            to(MOBILE, Channel.SMS, ny("2026-03-04T10:00"), Outcome.DELIVERED),
            to(HOME_PHONE, Channel.CALL, ny("2026-03-06T10:00"), Outcome.VOICEMAIL));

    static ContactAttempt to(org.contactguard.core.model.ContactPoint point, Channel channel, Instant at,
            Outcome outcome) {
        return ContactAttempt.builder().channel(channel).at(at).recipient(Recipient.DEBTOR).contactPoint(point)
                .accountIds("A1").outcome(outcome).build();
    }

    static Debtor debtor(String... jurisdictions) {
        Debtor.Builder debtor = Debtor.builder("D1").zone("America/New_York");
        for (String code : jurisdictions) {
            debtor.jurisdiction(code);
        }
        return debtor.build();
    }

    static DecisionRequest request(String accountJurisdiction, Debtor debtor, ProposedAction action,
            List<ContactAttempt> history) {
        return DecisionRequest.builder().id("ma").packs("us-regf").collector(UsFixtures.AGENCY).action(action)
                .debtor(debtor).account(Account.of("A1", Product.CREDIT_CARD, accountJurisdiction, 60))
                .history(history).build();
    }

    @Nested
    class PersonalNumberCap {

        @Test
        void theReasonKeepsTheTemplateItsArgumentsAndTheCountedContactsApart() {
            Reason reason = ENGINE.decide(request("US-MA", debtor(), call(NOON_10_MARCH).build(),
                    TEXT_AND_VOICEMAIL_TO_PERSONAL_NUMBERS)).reasons().get(0);
            assertEquals("US-MA-FREQ-01", reason.ruleId());
            assertEquals("Massachusetts: account {subject} already has {count} calls or texts to the debtor's personal"
                    + " numbers in the {personalNumberDays} local dates ending today; the cap is {personalNumberCap}",
                    reason.template());
            assertEquals(Map.of("subject", "A1", "count", "2", "personalNumberDays", "7", "personalNumberCap", "2"),
                    reason.arguments());
            assertEquals(TEXT_AND_VOICEMAIL_TO_PERSONAL_NUMBERS.stream().map(ContactAttempt::at).toList(),
                    reason.evidence());
        }

        @Test
        void aTunedCapShowsInTheMessage() {
            ComplianceEngine tuned = ComplianceEngine.builder().parameter("us-ma", "personalNumberCap", "1").build();
            assertThatDecision(tuned, request("US-MA", debtor(), call(NOON_10_MARCH).build(),
                    TEXT_AND_VOICEMAIL_TO_PERSONAL_NUMBERS.subList(1, 2))).isDeniedBy("US-MA-FREQ-01")
                    .hasMessageContaining("US-MA-FREQ-01", "account A1 already has 1 calls or texts to the debtor's"
                            + " personal numbers in the 7 local dates ending today; the cap is 1");
            assertThatDecision(tuned, request("US-MA", debtor(), call(NOON_10_MARCH).build(), List.of())).isAllowed();
        }
    }

    /** Fixed: a debtor living in Massachusetts brought the overlay in, but its rules looked only at the accounts. */
    @Nested
    class DebtorLivingInTheState {

        @Test
        void aMassachusettsResidentsFederalAccountIsUnderThePersonalNumberCap() {
            assertThatDecision(ENGINE, request("US", debtor("US-MA"), call(NOON_10_MARCH).build(),
                    TEXT_AND_VOICEMAIL_TO_PERSONAL_NUMBERS)).isDeniedBy("US-MA-FREQ-01")
                    .hasNextPermittedAt(ny("2026-03-11T08:00"));
        }

        @Test
        void aDebtorLivingElsewhereWithAFederalAccountIsNot() {
            assertThatDecision(ENGINE, request("US", debtor("US-TX"), call(NOON_10_MARCH).build(),
                    TEXT_AND_VOICEMAIL_TO_PERSONAL_NUMBERS)).isAllowed();
        }

        @Test
        void aMassachusettsResidentMayNotBeVisitedAtWorkAboutAnyDebt() {
            ProposedAction visit = ProposedAction.builder().channel(Channel.VISIT).at(NOON_10_MARCH)
                    .recipient(Recipient.DEBTOR).place(Place.WORK).accountIds("A1")
                    .visit(new VisitDetails(1, true, false, false, false, false)).build();
            assertThatDecision(ENGINE, request("US", debtor("US-MA"), visit, List.of())).isDeniedBy("US-MA-VISIT-03");
            assertThatDecision(ENGINE, request("US", debtor(), visit, List.of())).isAllowed();
        }
    }
}
