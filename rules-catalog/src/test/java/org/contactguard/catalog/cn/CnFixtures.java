package org.contactguard.catalog.cn;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.model.VisitDetails;

/** Named fixtures for the China pack's tests: Beijing moments, numbers, a compliant visit. */
final class CnFixtures {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** One engine for all tests: building it compiles the DRL, and sharing it is what users do. */
    static final ComplianceEngine ENGINE = ComplianceEngine.builder().pack("cn").build();

    static final ContactPoint MOBILE = new ContactPoint("M1", ContactPointKind.MOBILE, false, ContactPointSource.CONTRACT,
            false);
    static final ContactPoint SECOND_MOBILE = new ContactPoint("M2", ContactPointKind.MOBILE, false,
            ContactPointSource.DEBTOR_PROVIDED, false);
    static final ContactPoint CONTACT_PERSON_MOBILE = new ContactPoint("C1", ContactPointKind.MOBILE, false,
            ContactPointSource.CONTRACT, false);
    static final Account LOAN = Account.of("A1", Product.CONSUMER_LOAN, "CN", 40);
    static final ThirdParty EMERGENCY_CONTACT = new ThirdParty("T1", Recipient.EMERGENCY_CONTACT, false, null, false);
    static final ThirdParty GUARANTOR = new ThirdParty("T2", Recipient.OTHER_THIRD_PARTY, true, null, false);
    static final ThirdParty EXECUTOR = new ThirdParty("T3", Recipient.EXECUTOR, false, null, false);

    /** A visit that meets every condition: two collectors, credentials shown, recorded, stays outside. */
    static final VisitDetails COMPLIANT_VISIT = new VisitDetails(2, true, true, false, false, false);

    /** The pack's numbers as pack.properties sets them. */
    static final int UNANSWERED_CAP = 6;
    static final int CONVERSATION_CAP = 3;

    private CnFixtures() {
    }

    /** {@code local} (e.g. "2026-03-10T22:00") in Beijing as an instant. */
    static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    static Debtor debtor() {
        return Debtor.of("D1", "Asia/Shanghai");
    }

    static ProposedAction.Builder call(Instant at) {
        return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds("A1");
    }

    static ProposedAction.Builder sms(Instant at) {
        return ProposedAction.builder().channel(Channel.SMS).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds("A1");
    }

    static ProposedAction.Builder visit(Instant at) {
        return ProposedAction.builder().channel(Channel.VISIT).at(at).recipient(Recipient.DEBTOR).place(Place.HOME)
                .visit(COMPLIANT_VISIT).accountIds("A1");
    }

    static DecisionRequest request(ProposedAction action, Debtor debtor, List<ContactAttempt> history) {
        return new DecisionRequest("t", List.of(), Collector.defaultCollector(), action, debtor, List.of(LOAN),
                List.of(EMERGENCY_CONTACT, GUARANTOR, EXECUTOR), history);
    }

    static DecisionRequest request(ProposedAction action, List<ContactAttempt> history) {
        return request(action, debtor(), history);
    }

    static DecisionRequest request(ProposedAction action) {
        return request(action, debtor(), List.of());
    }

    /** A collector call to the debtor's {@code point} at {@code at} with {@code outcome}. */
    static ContactAttempt pastCall(Instant at, ContactPoint point, Outcome outcome) {
        return ContactAttempt.call(at, "A1", point, outcome);
    }

    /** {@code n} calls to {@code point}, ten minutes apart, the first at {@code first}. */
    static List<ContactAttempt> calls(Instant first, int n, ContactPoint point, Outcome outcome) {
        List<ContactAttempt> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(pastCall(first.plusSeconds(600L * i), point, outcome));
        }
        return calls;
    }

    /** A visit notice by SMS to the debtor at {@code at}. */
    static ContactAttempt visitNotice(Instant at) {
        return ContactAttempt.builder().channel(Channel.SMS).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds("A1").purpose(Purpose.VISIT_NOTICE).outcome(Outcome.DELIVERED).build();
    }

    /** A past visit that met the debtor. */
    static ContactAttempt pastVisitMet(Instant at) {
        return ContactAttempt.builder().channel(Channel.VISIT).at(at).recipient(Recipient.DEBTOR).place(Place.HOME)
                .visit(new VisitDetails(2, true, true, false, false, true)).accountIds("A1").outcome(Outcome.MET)
                .build();
    }

    static List<ContactAttempt> concat(List<ContactAttempt> a, List<ContactAttempt> b) {
        List<ContactAttempt> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
