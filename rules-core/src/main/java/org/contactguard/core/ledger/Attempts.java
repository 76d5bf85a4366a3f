package org.contactguard.core.ledger;

import java.time.Instant;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.Outcome;

/** Copies of attempts with one part changed; the model has no withers for these. */
final class Attempts {

    private Attempts() {
    }

    static ContactAttempt copy(ContactAttempt a, Instant at, ContactPoint point) {
        return new ContactAttempt(a.channel(), at, a.recipient(), a.thirdPartyId(), point, a.place(), a.accountIds(),
                a.purpose(), a.initiatedBy(), a.automated(), a.prerecorded(), a.viaPersonalDevice(), a.visibility(), a.content(),
                a.leavesMessage(), a.identifiesCaller(), a.disclosesDebt(), a.visit(), a.collectorId(), a.outcome(),
                a.messageLeft());
    }

    static ContactAttempt withOutcome(ContactAttempt a, Outcome outcome, boolean messageLeft) {
        return new ContactAttempt(a.channel(), a.at(), a.recipient(), a.thirdPartyId(), a.contactPoint(), a.place(),
                a.accountIds(), a.purpose(), a.initiatedBy(), a.automated(), a.prerecorded(), a.viaPersonalDevice(), a.visibility(),
                a.content(), a.leavesMessage(), a.identifiesCaller(), a.disclosesDebt(), a.visit(), a.collectorId(),
                outcome, messageLeft);
    }
}
