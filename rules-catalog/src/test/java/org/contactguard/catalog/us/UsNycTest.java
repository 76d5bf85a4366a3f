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
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** us-nyc on the rule vocabulary: the contact cap's message and evidence, and who New York City's rules protect. */
class UsNycTest {

    static final Instant NOON_13_OCTOBER = ny("2026-10-13T12:00");
    static final List<ContactAttempt> THREE_ATTEMPTS_IN_SEVEN_DATES = List.of(
            attempt(Channel.CALL, ny("2026-10-07T10:00"), Outcome.BUSY),
            attempt(Channel.CALL, ny("2026-10-09T10:00"), Outcome.NO_ANSWER),
            attempt(Channel.CALL, ny("2026-10-11T10:00"), Outcome.NO_ANSWER));

    static ContactAttempt attempt(Channel channel, Instant at, Outcome outcome) {
        return ContactAttempt.builder().channel(channel).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds("A1").outcome(outcome).build();
    }

    static Debtor livingIn(String... jurisdictions) {
        Debtor.Builder debtor = Debtor.builder("D1").zone("America/New_York");
        for (String code : jurisdictions) {
            debtor.jurisdiction(code);
        }
        return debtor.build();
    }

    static DecisionRequest request(ComplianceEngine engine, String accountJurisdiction, Debtor debtor,
            ProposedAction action, List<ContactAttempt> history) {
        return DecisionRequest.builder().id("nyc").packs("us-regf").collector(UsFixtures.AGENCY).action(action)
                .debtor(debtor).account(Account.of("A1", Product.CREDIT_CARD, accountJurisdiction, 60))
                .history(history).build();
    }

    @Nested
    class ContactCap {

        @Test
        void theReasonKeepsTheTemplateItsArgumentsAndTheCountedAttemptsApart() {
            Reason reason = ENGINE.decide(request(ENGINE, "US-NYC", livingIn(), call(NOON_13_OCTOBER).build(),
                    THREE_ATTEMPTS_IN_SEVEN_DATES)).reasons().stream()
                    .filter(r -> r.ruleId().equals("US-NYC-FREQ-01")).findFirst().orElseThrow();
            assertEquals("New York City: account {subject} already has {count} contacts or attempts across channels in"
                    + " the {contactDays} local dates ending today; the cap is {contactCap}", reason.template());
            assertEquals(Map.of("subject", "A1", "count", "3", "contactDays", "7", "contactCap", "3"), reason.arguments());
            assertEquals(THREE_ATTEMPTS_IN_SEVEN_DATES.stream().map(ContactAttempt::at).toList(), reason.evidence());
        }

        @Test
        void aTunedCapShowsInTheMessage() {
            ComplianceEngine tuned = ComplianceEngine.builder().parameter("us-nyc", "contactCap", "2").build();
            assertThatDecision(tuned, request(tuned, "US-NYC", livingIn(), call(NOON_13_OCTOBER).build(),
                    THREE_ATTEMPTS_IN_SEVEN_DATES.subList(1, 3))).isDeniedBy("US-NYC-FREQ-01")
                    .hasMessageContaining("US-NYC-FREQ-01", "account A1 already has 2 contacts or attempts across channels"
                            + " in the 7 local dates ending today; the cap is 2");
            assertThatDecision(tuned, request(tuned, "US-NYC", livingIn(), call(NOON_13_OCTOBER).build(),
                    THREE_ATTEMPTS_IN_SEVEN_DATES.subList(2, 3))).isAllowed();
        }
    }

    /** Fixed: a debtor living in New York City brought the overlay in, but its rules looked only at the accounts. */
    @Nested
    class DebtorLivingInTheCity {

        @Test
        void aNewYorkCityResidentsFederalAccountIsProtectedByTheCityCap() {
            assertThatDecision(ENGINE, request(ENGINE, "US", livingIn("US-NYC"), call(NOON_13_OCTOBER).build(),
                    THREE_ATTEMPTS_IN_SEVEN_DATES)).isDeniedBy("US-NYC-FREQ-01")
                    .hasNextPermittedAt(ny("2026-10-14T08:00"));
        }

        @Test
        void aDebtorLivingElsewhereWithAFederalAccountIsNotUnderTheCityCap() {
            assertThatDecision(ENGINE, request(ENGINE, "US", livingIn("US-FL"), call(NOON_13_OCTOBER).build(),
                    THREE_ATTEMPTS_IN_SEVEN_DATES)).isAllowed();
        }

        @Test
        void aNewYorkCityResidentNeedsWrittenConsentForEmailAboutAnyAccount() {
            ProposedAction email = UsFixtures.contact(Channel.EMAIL, NOON_13_OCTOBER, UsFixtures.EMAIL).build();
            Consent oral = Consent.electronic(ny("2026-10-04T10:00"), Channel.EMAIL, UsFixtures.EMAIL.id());
            Debtor resident = Debtor.builder("D1").zone("America/New_York").jurisdiction("US-NYC").consent(oral).build();
            assertThatDecision(ENGINE, request(ENGINE, "US", resident, email, List.of())).isDeniedBy("US-NYC-ELEC-01");
            Debtor elsewhere = Debtor.builder("D1").zone("America/New_York").consent(oral).build();
            assertThatDecision(ENGINE, request(ENGINE, "US", elsewhere, email, List.of())).isAllowed();
        }
    }
}
