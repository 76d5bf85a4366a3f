package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** us-ca on the rule vocabulary: the creditor hours' template, and who the Rosenthal Act protects. */
class UsCaTest {

    static final Instant AT_0759 = ny("2026-03-10T07:59");
    static final Instant AT_0800 = ny("2026-03-10T08:00");

    static DecisionRequest creditorCall(String accountJurisdiction, Debtor debtor, ProposedAction action) {
        return DecisionRequest.builder().id("ca").packs("us-regf").collector(UsFixtures.CREDITOR).action(action)
                .debtor(debtor).account(Account.of("A1", Product.CREDIT_CARD, accountJurisdiction, 60)).build();
    }

    static Debtor debtor(String... jurisdictions) {
        Debtor.Builder debtor = Debtor.builder("D1").zone("America/New_York");
        for (String code : jurisdictions) {
            debtor.jurisdiction(code);
        }
        return debtor.build();
    }

    @Nested
    class CreditorHours {

        @Test
        void theReasonNamesTheHoursAsParameters() {
            Reason reason = ENGINE.decide(creditorCall("US-CA", debtor(), call(AT_0759).build())).reasons().get(0);
            assertEquals("US-CA-HOURS-01", reason.ruleId());
            assertEquals("California: a creditor contacting the debtor before {hoursStart} or from {hoursEnd} local time"
                    + " (in at least one of the debtor's zones), or with the debtor's zone unknown (debtor.timeZones is"
                    + " empty)", reason.template());
            assertEquals(Map.of("hoursStart", "08:00", "hoursEnd", "21:00"), reason.arguments());
        }

        @Test
        void tunedHoursShowInTheMessageAndMoveTheEdge() {
            ComplianceEngine tuned = ComplianceEngine.builder().parameter("us-ca", "hoursStart", "09:00").build();
            assertThatDecision(tuned, creditorCall("US-CA", debtor(), call(AT_0800).build())).isDeniedBy("US-CA-HOURS-01")
                    .hasMessageContaining("US-CA-HOURS-01", "before 09:00 or from 21:00")
                    .hasNextPermittedAt(ny("2026-03-10T09:00"));
            assertThatDecision(tuned, creditorCall("US-CA", debtor(), call(ny("2026-03-10T09:00")).build())).isAllowed();
        }
    }

    /** Fixed: a debtor living in California brought the overlay in, but its rules looked only at the accounts. */
    @Nested
    class DebtorLivingInTheState {

        @Test
        void aCaliforniaResidentIsProtectedFromACreditorsEarlyCallAboutAFederalAccount() {
            assertThatDecision(ENGINE, creditorCall("US", debtor("US-CA"), call(AT_0759).build()))
                    .isDeniedBy("US-CA-HOURS-01").hasNextPermittedAt(AT_0800);
            assertThatDecision(ENGINE, creditorCall("US", debtor(), call(AT_0759).build())).isAllowed();
        }

        @Test
        void aCallerWhoDoesNotIdentifyThemselvesToACaliforniaResidentIsDenied() {
            ProposedAction anonymous = call(AT_0800).identifiesCaller(false).build();
            assertThatDecision(ENGINE, creditorCall("US", debtor("US-CA"), anonymous)).isDeniedBy("US-CA-ID-01");
        }
    }
}
