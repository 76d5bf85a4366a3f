package org.contactguard.core.ledger;

import java.time.Duration;
import java.time.Instant;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;

/**
 * Named facts for the ledger tests, against the engine test pack {@code probe}: hours [08:00, 21:00)
 * in the debtor's zone and at most {@link #CAP} placed calls per account in a rolling {@link #WINDOW}.
 */
final class LedgerFixtures {

    static final int CAP = 2;
    static final Duration WINDOW = Duration.ofDays(7);
    /** 12:00 in New York (EST): inside probe hours. */
    static final Instant NOON_IN_NEW_YORK = Instant.parse("2026-01-14T17:00:00Z");
    static final String NEW_YORK = "America/New_York";
    static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    static final Account A1 = Account.of("A1", Product.CREDIT_CARD, "US", 45);
    static final Account A2 = Account.of("A2", Product.CREDIT_CARD, "US", 90);

    private LedgerFixtures() {
    }

    /** One engine for all ledger tests in a JVM: compiling the probe pack takes a moment. */
    static ComplianceEngine engine() {
        return EngineHolder.ENGINE;
    }

    private static final class EngineHolder {
        static final ComplianceEngine ENGINE = ComplianceEngine.builder().pack("probe").build();
    }

    /** A collector call to debtor {@code debtorId} (in New York, holding A1 and A2) at {@code at} about {@code accountId}. */
    static DecisionRequest call(String debtorId, String accountId, Instant at) {
        ProposedAction action = ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR)
                .contactPoint(MOBILE).accountIds(accountId).build();
        return DecisionRequest.builder().id(debtorId + "@" + at).action(action).debtor(Debtor.of(debtorId, NEW_YORK))
                .account(A1).account(A2).build();
    }
}
