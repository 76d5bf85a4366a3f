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
    /**
     * Wide enough for the fixed 2026 moments these tests decide at, wherever the test machine's clock
     * stands; the bound itself is tested with moments taken from the database's clock.
     */
    static final Duration REPLAY_CLOCK_SKEW = Duration.ofDays(365L * 100);

    private LedgerFixtures() {
    }

    /** One engine for all ledger tests in a JVM: compiling the probe pack takes a moment. */
    static ComplianceEngine engine() {
        return EngineHolder.ENGINE;
    }

    private static final class EngineHolder {
        static final ComplianceEngine ENGINE = ComplianceEngine.builder().pack("probe").build();
    }

    /** A JDBC ledger builder deciding with {@link #engine()} that accepts the fixed moments of these tests. */
    static JdbcContactLedger.Builder jdbc() {
        return JdbcContactLedger.builder(engine()).maxClockSkew(REPLAY_CLOCK_SKEW);
    }

    /**
     * The id of the debtor's account {@code local} ("A1", "A2"): account ids are global in the ledger
     * (one id under two debtors is a joint account), so each test debtor has accounts of its own.
     */
    static String account(String debtorId, String local) {
        return debtorId + "/" + local;
    }

    /**
     * A collector call to debtor {@code debtorId} (in New York, holding its A1 and A2) at {@code at}
     * about its account {@code local}.
     */
    static DecisionRequest call(String debtorId, String local, Instant at) {
        ProposedAction action = ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR)
                .contactPoint(MOBILE).accountIds(account(debtorId, local)).build();
        return DecisionRequest.builder().id(debtorId + "@" + at).action(action).debtor(Debtor.of(debtorId, NEW_YORK))
                .account(Account.of(account(debtorId, "A1"), Product.CREDIT_CARD, "US", 45))
                .account(Account.of(account(debtorId, "A2"), Product.CREDIT_CARD, "US", 90)).build();
    }
}
