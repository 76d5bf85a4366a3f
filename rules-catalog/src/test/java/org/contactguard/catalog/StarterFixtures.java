package org.contactguard.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.model.VisitDetails;

/** Named boundary fixtures for the starter pack's tests. */
final class StarterFixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    static final Account CARD = Account.of("A1", Product.CREDIT_CARD, "US", 45);
    static final Account LOAN = Account.of("A2", Product.CONSUMER_LOAN, "US", 30);
    static final ContactPoint EMAIL_ADDRESS = ContactPoint.of("E1", ContactPointKind.EMAIL);
    static final ThirdParty SPOUSE = new ThirdParty("T1", Recipient.SPOUSE, false, null, false);
    static final VisitDetails HOME_VISIT = new VisitDetails(1, true, false, false, false, false);

    /** The starter pack's permitted hours, {@code [08:00, 21:00)}, and call cap, as pack.properties sets them. */
    static final LocalTime HOURS_START = LocalTime.of(8, 0);
    static final LocalTime HOURS_END = LocalTime.of(21, 0);
    static final int CALL_CAP = 7;

    /** Zones the properties draw debtors from: DST north and south, half- and quarter-hour offsets, none. */
    static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Pacific/Honolulu"), ZoneId.of("Europe/London"), ZoneId.of("Asia/Shanghai"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"));

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

    /**
     * Whether {@code at} is within {@code [08:00, 21:00)} local time in every one of {@code zones}, worked out
     * directly from java.time so that it can judge the engine's answer.
     */
    static boolean withinHoursEverywhere(Instant at, List<ZoneId> zones) {
        for (ZoneId zone : zones) {
            LocalTime local = at.atZone(zone).toLocalTime();
            if (local.isBefore(HOURS_START) || !local.isBefore(HOURS_END)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A contact the collector proposes, with what its channel needs: a number, an address or visit details,
     * and the spouse's id when the spouse is the recipient.
     */
    static ProposedAction action(Channel channel, Instant at, Recipient recipient, List<String> accounts,
            Initiator initiator, Purpose purpose) {
        return ProposedAction.builder().channel(channel).at(at).recipient(recipient)
                .thirdPartyId(recipient == Recipient.DEBTOR ? null : SPOUSE.id()).contactPoint(pointFor(channel))
                .place(channel == Channel.VISIT ? Place.HOME : null).accountIds(accounts).initiatedBy(initiator)
                .purpose(purpose).visit(channel == Channel.VISIT ? HOME_VISIT : null).build();
    }

    /** A past contact, built like {@link #action}. */
    static ContactAttempt attempt(Channel channel, Instant at, Recipient recipient, List<String> accounts,
            Initiator initiator, Outcome outcome) {
        return ContactAttempt.builder().channel(channel).at(at).recipient(recipient)
                .thirdPartyId(recipient == Recipient.DEBTOR ? null : SPOUSE.id()).contactPoint(pointFor(channel))
                .place(channel == Channel.VISIT ? Place.HOME : null).accountIds(accounts).initiatedBy(initiator)
                .visit(channel == Channel.VISIT ? HOME_VISIT : null).outcome(outcome).build();
    }

    private static ContactPoint pointFor(Channel channel) {
        return switch (channel) {
            case CALL, SMS -> MOBILE;
            case EMAIL, IM -> EMAIL_ADDRESS;
            default -> null;
        };
    }

    /** A request about both accounts ({@link #CARD}, {@link #LOAN}) that also knows the debtor's {@link #SPOUSE}. */
    static DecisionRequest fullRequest(String id, List<String> packs, Collector collector, ProposedAction action,
            Debtor debtor, List<ContactAttempt> history) {
        return new DecisionRequest(id, packs, collector, action, debtor, List.of(CARD, LOAN), List.of(SPOUSE), history);
    }
}
