package org.contactguard.catalog.us;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.ContactPointSource;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;

/** Named fixtures for the United States packs' tests. */
final class UsFixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    static final ContactPoint MOBILE = ContactPoint.of("P-MOBILE", ContactPointKind.MOBILE);
    static final ContactPoint HOME_PHONE = ContactPoint.of("P-HOME", ContactPointKind.HOME_PHONE);
    static final ContactPoint WORK_PHONE = ContactPoint.of("P-WORK", ContactPointKind.WORK_PHONE);
    static final ContactPoint EMAIL = ContactPoint.of("E-HOME", ContactPointKind.EMAIL);
    static final ContactPoint WORK_EMAIL = new ContactPoint("E-WORK", ContactPointKind.EMAIL, true,
            ContactPointSource.DEBTOR_PROVIDED, false);

    static final Account CARD = Account.of("A1", Product.CREDIT_CARD, "US", 60);
    static final Account LOAN = Account.of("A2", Product.CONSUMER_LOAN, "US", 60);
    static final Account STUDENT_1 = new Account("S1", Product.STUDENT_LOAN, "US", 90, "SVC-9", false, null, null);
    static final Account STUDENT_2 = new Account("S2", Product.STUDENT_LOAN, "US", 90, "SVC-9", false, null, null);

    static final ThirdParty SPOUSE = new ThirdParty("T-SPOUSE", Recipient.SPOUSE, false, null, false);
    static final ThirdParty NEIGHBOUR = new ThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, false, null, false);
    static final ThirdParty NEIGHBOUR_ASKED = new ThirdParty("T-ASKED", Recipient.NEIGHBOUR, false, null, true);
    static final ThirdParty ATTORNEY = new ThirdParty("T-ATTORNEY", Recipient.ATTORNEY, false, null, false);

    static final Collector AGENCY = Collector.of(org.contactguard.core.model.CollectorKind.THIRD_PARTY_COLLECTOR);
    static final Collector CREDITOR = Collector.of(org.contactguard.core.model.CollectorKind.CREDITOR);

    /** The whole catalog, as a default build loads it; requests name the packs they test. */
    static final ComplianceEngine ENGINE = ComplianceEngine.builder().build();

    private UsFixtures() {
    }

    static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static Instant ny(String local) {
        return at(NEW_YORK, local);
    }

    static Debtor inNewYork() {
        return Debtor.of("D1", "America/New_York");
    }

    /** A call the collector places to the debtor's mobile about {@code accounts} (default A1). */
    static ProposedAction.Builder call(Instant at, String... accounts) {
        return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accounts.length == 0 ? new String[] {"A1"} : accounts);
    }

    static ProposedAction.Builder contact(Channel channel, Instant at, ContactPoint point) {
        return ProposedAction.builder().channel(channel).at(at).recipient(Recipient.DEBTOR).contactPoint(point)
                .accountIds("A1");
    }

    /** A call the collector placed to the debtor's mobile. */
    static ContactAttempt placed(Instant at, Outcome outcome, String... accounts) {
        return ContactAttempt.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accounts.length == 0 ? new String[] {"A1"} : accounts).outcome(outcome).build();
    }

    /** A call the debtor made to the collector. */
    static ContactAttempt debtorCalled(Instant at, Outcome outcome, String... accounts) {
        return ContactAttempt.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accounts.length == 0 ? new String[] {"A1"} : accounts).initiatedBy(Initiator.DEBTOR)
                .outcome(outcome).build();
    }

    /** {@code n} placed calls with {@code outcome}, one a day at 10:00 New York time, the last on {@code lastDate}. */
    static List<ContactAttempt> dailyCalls(String lastDate, int n, Outcome outcome) {
        List<ContactAttempt> calls = new ArrayList<>();
        LocalDateTime last = LocalDateTime.parse(lastDate + "T10:00");
        for (int i = n - 1; i >= 0; i--) {
            calls.add(placed(last.minusDays(i).atZone(NEW_YORK).toInstant(), outcome));
        }
        return calls;
    }

    static DecisionRequest.Builder request(ProposedAction action, Debtor debtor, List<ContactAttempt> history,
            String... packs) {
        return DecisionRequest.builder().id("us").packs(packs.length == 0 ? new String[] {"us-regf"} : packs)
                .collector(AGENCY).action(action).debtor(debtor).account(CARD).account(LOAN).history(history)
                .thirdParty(SPOUSE).thirdParty(NEIGHBOUR).thirdParty(NEIGHBOUR_ASKED).thirdParty(ATTORNEY);
    }

    static DecisionRequest.Builder request(ProposedAction action, ContactAttempt... history) {
        return request(action, inNewYork(), Arrays.asList(history));
    }
}
