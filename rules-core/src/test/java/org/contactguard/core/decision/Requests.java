package org.contactguard.core.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;

/**
 * Named facts for the decision tests, against the probe pack's parameters: hours [08:00, 21:00)
 * and at most 2 placed calls per account in a rolling 7 days.
 */
final class Requests {

    /** 12:00 in New York (EST, UTC-5): inside probe hours. */
    static final Instant NOON_IN_NEW_YORK = Instant.parse("2026-01-14T17:00:00Z");
    /** 22:00 in New York: after probe hours end at 21:00. */
    static final Instant TEN_PM_IN_NEW_YORK = Instant.parse("2026-01-15T03:00:00Z");
    /** 08:00 in New York the morning after {@link #TEN_PM_IN_NEW_YORK}: probe hours open again. */
    static final Instant EIGHT_AM_NEXT_MORNING_IN_NEW_YORK = Instant.parse("2026-01-15T13:00:00Z");
    static final String NEW_YORK = "America/New_York";
    static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    static final Account A1 = Account.of("A1", Product.CREDIT_CARD, "US", 45);
    static final Account A2 = Account.of("A2", Product.CREDIT_CARD, "US", 90);
    static final Debtor ADULT_IN_NEW_YORK = Debtor.of("D1", NEW_YORK);
    static final Debtor MINOR_IN_NEW_YORK = Debtor.builder("D2").zone(NEW_YORK).minor(true).build();
    static final Debtor ZONE_UNKNOWN = Debtor.of("D3");

    private Requests() {
    }

    /** A collector call to the debtor at {@code at} about {@code accountIds}. */
    static ProposedAction.Builder callAt(Instant at, String... accountIds) {
        return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accountIds);
    }

    /** A call about A1 at noon in New York to an adult there, with no history: allowed by the probe pack. */
    static DecisionRequest.Builder callAboutA1AtNoon() {
        return request(callAt(NOON_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK);
    }

    /** A request about {@code action}, to {@code debtor}, holding accounts A1 and A2. */
    static DecisionRequest.Builder request(ProposedAction action, Debtor debtor) {
        return DecisionRequest.builder().id("R-1").action(action).debtor(debtor).account(A1).account(A2);
    }

    /**
     * Two placed calls (unanswered: they reached the number, so they count) about {@code accountId},
     * one and two days before {@code at}: the probe cap of 2 is reached until two days before
     * {@code at} plus seven days.
     */
    static List<ContactAttempt> capReachedBefore(Instant at, String accountId) {
        List<ContactAttempt> calls = new ArrayList<>();
        calls.add(ContactAttempt.call(at.minus(Duration.ofDays(2)), accountId, MOBILE, Outcome.NO_ANSWER));
        calls.add(ContactAttempt.call(at.minus(Duration.ofDays(1)), accountId, MOBILE, Outcome.NO_ANSWER));
        return calls;
    }
}
