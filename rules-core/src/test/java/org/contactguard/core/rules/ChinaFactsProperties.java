package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.model.VisitDetails;

/**
 * The China pack's derived facts, read the way its rules read them, answer what the helpers the
 * rules called before answered (LocalDayCounts, LostContact, VisitHistory, ThirdPartyContacts,
 * LocalQuietHours), on random histories around Beijing midnights and in zones with daylight saving.
 */
class ChinaFactsProperties {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant BASE = Instant.parse("2026-03-09T16:00:00Z"); // 2026-03-10 00:00 Beijing
    private static final ContactPoint M1 = ContactPoint.of("M1", ContactPointKind.MOBILE);
    private static final ContactPoint M2 = ContactPoint.of("M2", ContactPointKind.MOBILE);

    @Property(tries = 400)
    void dayCountsAndRedialGapMatchTheHelpers(@ForAll("histories") List<ContactAttempt> attempts, @ForAll("nows") Instant now,
            @ForAll("gaps") Duration gap) {
        ContactHistory history = ContactHistory.of(now, attempts);
        for (ContactPoint point : List.of(M1, M2)) {
            CallsToNumber calls = CallsToNumber.of(callTo(point, now), history).get(0);
            assertEquals(LocalDayCounts.unansweredCallsToday(history, point.id(), BEIJING), calls.unansweredToday(BEIJING));
            assertEquals(LocalDayCounts.calledWithin(history, point.id(), gap), calls.calledWithin(gap));
        }
        assertEquals(LocalDayCounts.conversationsToday(history, BEIJING), CallsToDebtor.of(history).conversationsToday(BEIJING));
    }

    @Property(tries = 400)
    void theLostContactTriggersAsCnTp01StatesThemMatchLostContact(@ForAll("histories") List<ContactAttempt> attempts,
            @ForAll("nows") Instant now) {
        // A request's history is the past (the contract), also at the later moments a next-permitted
        // search evaluates: the "lost from the next midnight" reasoning relies on it.
        ContactHistory history = ContactHistory.of(now, attempts.stream().filter(a -> a.at().isBefore(now)).toList());
        CallsToDebtor calls = CallsToDebtor.of(history);
        for (int failedCalls = 0; failedCalls <= 3; failedCalls++) {
            for (int days = 0; days <= 3; days++) {
                // CN-TP-01's conditions: reachable unless one of the three triggers holds.
                boolean reachable = !calls.everyNumberOutOfService()
                        && (failedCalls <= 0 || calls.failedCallsBefore(BEIJING, 0) < failedCalls)
                        && (days <= 0 || calls.failedDaysInARow(BEIJING, 0) < days);
                assertEquals(!LostContact.isLost(history, BEIJING, failedCalls, days), reachable, failedCalls + "/" + days);
                if (reachable) {
                    // CN-TP-01's consequence: lost from the next Beijing midnight, or no known end.
                    boolean lostTomorrow = (failedCalls > 0 && calls.failedCallsBefore(BEIJING, 1) >= failedCalls)
                            || (days > 0 && calls.failedDaysInARow(BEIJING, 1) >= days);
                    assertEquals(LostContact.lostFrom(history, BEIJING, failedCalls, days),
                            lostTomorrow ? calls.dayStart(BEIJING, 1) : null, "until " + failedCalls + "/" + days);
                }
            }
        }
    }

    @Property(tries = 400)
    void visitNoticesVisitsMetAndRefusalsMatchTheHelpers(@ForAll("histories") List<ContactAttempt> attempts,
            @ForAll("nows") Instant now, @ForAll("gaps") Duration lead, @ForAll("gaps") Duration window,
            @ForAll("refusals") Instant refusedAt) {
        ContactHistory history = ContactHistory.of(now, attempts);
        ProposedAction visit = visitAbout(now, "A1");
        VisitNotices notices = VisitNotices.of(visit, history);
        Duration maxAge = window.plusHours(1);
        assertEquals(!VisitHistory.noticeGiven(history, visit.accountIds(), lead, maxAge), notices.agedBetween(lead, maxAge) == 0);
        assertEquals(VisitHistory.noticeMatures(history, visit.accountIds(), lead, maxAge), notices.maturesAt(lead, maxAge));
        assertEquals(VisitHistory.noticeMatures(history, visit.accountIds(), lead, lead), notices.maturesAt(lead, lead));
        for (VisitsMet met : VisitsMet.of(visit, history)) {
            assertEquals(VisitHistory.visitsMet(history, met.accountId(), window), met.within(window));
            for (int cap = 0; cap <= 2; cap++) {
                assertEquals(VisitHistory.visitsMetReopenAt(history, met.accountId(), window, cap), met.reopensAt(window, cap));
            }
        }
        ThirdParty party = new ThirdParty("T1", Recipient.RELATIVE, false, refusedAt, false);
        DecisionRequest request = request(visit, party);
        ProposedAction toParty = ProposedAction.builder().channel(Channel.CALL).at(now).recipient(Recipient.RELATIVE)
                .thirdPartyId("T1").contactPoint(M2).accountIds("A1").build();
        assertEquals(ThirdPartyContacts.refused(history, party), !ThirdPartyRefusal.of(request, toParty, history).isEmpty());
    }

    @Property(tries = 400)
    void hoursWithAFallbackZoneMatchLocalQuietHours(@ForAll("moments") Instant at, @ForAll("zoneLists") List<ZoneId> zones,
            @ForAll("clock") LocalTime start, @ForAll("clock") LocalTime end) {
        if (start.equals(end)) {
            return;
        }
        ActionTime time = new ActionTime(at, zones);
        assertEquals(LocalQuietHours.inQuietWindow(time, BEIJING, start, end), time.insideAnyZone(start, end, BEIJING));
        assertEquals(LocalQuietHours.outsideHours(time, BEIJING, start, end), time.outsideAnyZone(start, end, BEIJING));
        assertEquals(LocalQuietHours.quietWindowEnds(time, BEIJING, start, end), time.nextWithinEveryZone(end, start, BEIJING));
        assertEquals(LocalQuietHours.nextWithinHours(time, BEIJING, start, end), time.nextWithinEveryZone(start, end, BEIJING));
    }

    private static ProposedAction callTo(ContactPoint point, Instant now) {
        return ProposedAction.builder().channel(Channel.CALL).at(now).recipient(Recipient.DEBTOR).contactPoint(point)
                .accountIds("A1").build();
    }

    private static ProposedAction visitAbout(Instant now, String... accounts) {
        return ProposedAction.builder().channel(Channel.VISIT).at(now).recipient(Recipient.DEBTOR).accountIds(accounts)
                .visit(new VisitDetails(2, true, true, false, false, false)).build();
    }

    private static DecisionRequest request(ProposedAction action, ThirdParty party) {
        return DecisionRequest.builder().action(action).debtor(Debtor.of("D1", "Asia/Shanghai"))
                .accounts(List.of(Account.of("A1", Product.CONSUMER_LOAN, "CN", 30), Account.of("A2", Product.CONSUMER_LOAN, "CN", 30))).thirdParty(party).build();
    }

    @Provide
    Arbitrary<Instant> nows() {
        // Around Beijing midnights, so that "today" and "before today" both hold entries.
        return Arbitraries.integers().between(0, 4 * 24 * 4).map(q -> BASE.plus(Duration.ofMinutes(15L * q)));
    }

    @Provide
    Arbitrary<Duration> gaps() {
        return Arbitraries.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(2));
    }

    @Provide
    Arbitrary<Instant> refusals() {
        return Arbitraries.of(BASE.minus(Duration.ofDays(1)), BASE.plus(Duration.ofDays(2)), BASE.plus(Duration.ofDays(9)));
    }

    @Provide
    Arbitrary<Instant> moments() {
        return Arbitraries.longs().between(0, 400L * 24 * 4).map(q -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(900 * q));
    }

    @Provide
    Arbitrary<List<ZoneId>> zoneLists() {
        return Arbitraries.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"), ZoneId.of("Europe/London"),
                ZoneId.of("Australia/Lord_Howe")).list().uniqueElements().ofMaxSize(2);
    }

    @Provide
    Arbitrary<LocalTime> clock() {
        return Arbitraries.of(LocalTime.of(0, 0), LocalTime.of(2, 30), LocalTime.of(8, 0), LocalTime.of(20, 0),
                LocalTime.of(22, 0));
    }

    @Provide
    Arbitrary<List<ContactAttempt>> histories() {
        Arbitrary<Instant> at = Arbitraries.integers().between(-6 * 24 * 4, 4 * 24 * 4)
                .map(q -> BASE.plus(Duration.ofMinutes(15L * q)));
        Arbitrary<Outcome> outcome = Arbitraries.of(Outcome.values()).injectNull(0.15);
        Arbitrary<ContactAttempt> attempt = Combinators.combine(at, Arbitraries.of(Channel.CALL, Channel.CALL, Channel.SMS,
                Channel.VISIT), outcome, Arbitraries.of(Initiator.COLLECTOR, Initiator.COLLECTOR, Initiator.DEBTOR),
                Arbitraries.of(Recipient.DEBTOR, Recipient.DEBTOR, Recipient.RELATIVE), Arbitraries.of(Purpose.COLLECTION,
                        Purpose.VISIT_NOTICE), Arbitraries.of("A1", "A2"), Arbitraries.integers().between(0, 7))
                .as(ChinaFactsProperties::attempt);
        return attempt.filter(Objects::nonNull).list().ofMaxSize(40);
    }

    private static ContactAttempt attempt(Instant at, Channel channel, Outcome outcome, Initiator initiator,
            Recipient recipient, Purpose purpose, String account, int bits) {
        try {
            ContactAttempt.Builder b = ContactAttempt.builder().channel(channel).at(at).recipient(recipient)
                    .accountIds(account).initiatedBy(initiator).purpose(purpose).outcome(outcome);
            if (recipient != Recipient.DEBTOR) {
                b.thirdPartyId("T1");
            }
            if (channel == Channel.VISIT) {
                b.visit(new VisitDetails(2, true, true, false, false, (bits & 1) != 0));
            } else {
                b.contactPoint((bits & 2) != 0 ? M1 : M2);
            }
            if (outcome == Outcome.VOICEMAIL) {
                b.messageLeft((bits & 4) != 0);
            }
            return b.build();
        } catch (InvalidInputException e) {
            // A combination the contract refuses (e.g. a visit outcome on a call) is not a history entry.
            return null;
        }
    }
}
