package org.contactguard.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;

/** Named boundary fixtures for the starter pack's tests. */
final class StarterFixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    static final Account CARD = Account.of("A1", Product.CREDIT_CARD, "US", 45);
    static final Account LOAN = Account.of("A2", Product.CONSUMER_LOAN, "US", 30);

    /** One engine for all tests: building it compiles the DRL, and sharing it is what users do. */
    static final ComplianceEngine ENGINE = ComplianceEngine.builder().pack("starter").build();

    private StarterFixtures() {
    }

    /** {@code local} (e.g. "2026-03-10T08:00") in New York as an instant. */
    static Instant newYork(String local) {
        return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
    }

    static ProposedAction callAt(Instant at, String... accounts) {
        return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accounts.length == 0 ? new String[] {"A1"} : accounts).build();
    }

    static DecisionRequest request(ProposedAction action, Debtor debtor, List<ContactAttempt> history) {
        return DecisionRequest.builder().id("t").action(action).debtor(debtor).account(CARD).account(LOAN)
                .history(history).build();
    }

    static DecisionRequest callRequest(Instant at, List<ContactAttempt> history) {
        return request(callAt(at), Debtor.of("D1", "America/New_York"), history);
    }

    /** {@code n} answered calls about account A1, one every {@code hoursApart} hours, the last at {@code last}. */
    static List<ContactAttempt> callsEndingAt(Instant last, int n, long hoursApart, Outcome outcome) {
        List<ContactAttempt> calls = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            calls.add(ContactAttempt.call(last.minusSeconds(i * hoursApart * 3600), "A1", MOBILE, outcome));
        }
        return calls;
    }
}
