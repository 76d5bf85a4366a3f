package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The derived facts the China pack's rules match: both sides of each edge. */
class ChinaFactsTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ContactPoint M1 = ContactPoint.of("M1", ContactPointKind.MOBILE);
    static final ContactPoint M2 = ContactPoint.of("M2", ContactPointKind.MOBILE);

    static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    static ContactAttempt call(String at, ContactPoint point, Outcome outcome) {
        return ContactAttempt.call(bj(at), "A1", point, outcome);
    }

    static ContactHistory at(String now, ContactAttempt... attempts) {
        return ContactHistory.of(bj(now), List.of(attempts));
    }

    static ProposedAction callTo(ContactPoint point, String at) {
        return ProposedAction.builder().channel(Channel.CALL).at(bj(at)).recipient(Recipient.DEBTOR).contactPoint(point)
                .accountIds("A1").build();
    }

    static ProposedAction visit(String at) {
        return ProposedAction.builder().channel(Channel.VISIT).at(bj(at)).recipient(Recipient.DEBTOR).accountIds("A1")
                .visit(new VisitDetails(2, true, true, false, false, false)).build();
    }

    @Nested
    class CallsToTheNumber {

        @Test
        void unansweredTodayCountsThisNumbersNonConnectionsSinceBeijingMidnight() {
            ContactHistory history = at("2026-03-10T12:00", call("2026-03-09T23:59", M1, Outcome.NO_ANSWER),
                    call("2026-03-10T00:00", M1, Outcome.BUSY), call("2026-03-10T09:00", M1, Outcome.CONNECTED),
                    call("2026-03-10T09:10", M1, null), call("2026-03-10T09:20", M2, Outcome.FAILED));
            CallsToNumber calls = CallsToNumber.of(callTo(M1, "2026-03-10T12:00"), history).get(0);
            assertEquals(2, calls.unansweredToday(BEIJING));
            assertEquals(bj("2026-03-10T09:10"), calls.lastCallAt());
        }

        @Test
        void anActionWithoutAContactPointHasNoCallsToANumber() {
            assertTrue(CallsToNumber.of(visit("2026-03-10T12:00"), at("2026-03-10T12:00")).isEmpty());
        }

        @Test
        void aCallExactlyTheGapAgoIsNoLongerWithinIt() {
            ContactHistory history = at("2026-03-10T12:05", call("2026-03-10T12:00", M1, Outcome.NO_ANSWER));
            CallsToNumber calls = CallsToNumber.of(callTo(M1, "2026-03-10T12:05"), history).get(0);
            assertFalse(calls.calledWithin(Duration.ofMinutes(5)));
            assertTrue(calls.calledWithin(Duration.ofMinutes(5).plusSeconds(1)));
        }
    }

    @Nested
    class CallsToTheDebtor {

        @Test
        void conversationsAreCollectorCallsThatConnectedOrAreNotKnownYet() {
            ContactAttempt debtorCalled = ContactAttempt.builder().channel(Channel.CALL).at(bj("2026-03-10T09:30"))
                    .recipient(Recipient.DEBTOR).contactPoint(M1).accountIds("A1").initiatedBy(Initiator.DEBTOR)
                    .outcome(Outcome.CONNECTED).build();
            ContactHistory history = at("2026-03-10T12:00", call("2026-03-09T23:00", M1, Outcome.CONNECTED),
                    call("2026-03-10T09:00", M1, Outcome.CONNECTED), call("2026-03-10T09:10", M2, null),
                    call("2026-03-10T09:20", M1, Outcome.NO_ANSWER), debtorCalled);
            assertEquals(2, CallsToDebtor.of(history).conversationsToday(BEIJING));
        }

        @Test
        void failuresCountOnlySinceTheDebtorWasLastReached() {
            ContactHistory history = at("2026-03-10T12:00", call("2026-03-07T10:00", M1, Outcome.NO_ANSWER),
                    call("2026-03-08T10:00", M1, Outcome.CONNECTED), call("2026-03-08T11:00", M1, Outcome.NO_ANSWER),
                    call("2026-03-09T11:00", M1, Outcome.BUSY), call("2026-03-10T11:00", M1, Outcome.NO_ANSWER));
            CallsToDebtor calls = CallsToDebtor.of(history);
            assertEquals(bj("2026-03-08T10:00"), calls.lastReachedAt());
            assertEquals(2, calls.failedCallsBefore(BEIJING, 0));
            assertEquals(3, calls.failedCallsBefore(BEIJING, 1));
            assertEquals(2, calls.failedDaysInARow(BEIJING, 0));
            assertEquals(3, calls.failedDaysInARow(BEIJING, 1));
            assertEquals(bj("2026-03-11T00:00"), calls.dayStart(BEIJING, 1));
        }

        @Test
        void aCallWhoseOutcomeIsNotKnownCountsAsReachingTheDebtor() {
            ContactHistory history = at("2026-03-10T12:00", call("2026-03-08T11:00", M1, Outcome.NO_ANSWER),
                    call("2026-03-09T11:00", M1, null));
            CallsToDebtor calls = CallsToDebtor.of(history);
            assertEquals(bj("2026-03-09T11:00"), calls.lastReachedAt());
            assertEquals(0, calls.failedCallsBefore(BEIJING, 1));
        }

        @Test
        void everyNumberOutOfServiceNeedsTheLastCallToEachNumberOutOfService() {
            ContactHistory both = at("2026-03-10T12:00", call("2026-03-09T10:00", M1, Outcome.NOT_IN_SERVICE),
                    call("2026-03-09T11:00", M2, Outcome.NOT_IN_SERVICE));
            assertTrue(CallsToDebtor.of(both).everyNumberOutOfService());
            ContactHistory oneAnswers = at("2026-03-10T12:00", call("2026-03-09T10:00", M1, Outcome.NOT_IN_SERVICE),
                    call("2026-03-09T11:00", M2, Outcome.NO_ANSWER));
            assertFalse(CallsToDebtor.of(oneAnswers).everyNumberOutOfService());
            assertFalse(CallsToDebtor.of(at("2026-03-10T12:00")).everyNumberOutOfService());
        }
    }

    @Nested
    class VisitNoticesAndVisits {

        ContactAttempt notice(String at, Outcome outcome) {
            return ContactAttempt.builder().channel(Channel.SMS).at(bj(at)).recipient(Recipient.DEBTOR).contactPoint(M1)
                    .accountIds("A1").purpose(Purpose.VISIT_NOTICE).outcome(outcome).build();
        }

        @Test
        void aNoticeExactlyTheLeadBeforeCountsAndOneExactlyTheMaximumAgeBeforeDoesNot() {
            Duration lead = Duration.ofHours(24);
            Duration maxAge = Duration.ofDays(7);
            VisitNotices justOldEnough = VisitNotices.of(visit("2026-03-10T10:00"), at("2026-03-10T10:00",
                    notice("2026-03-09T10:00", Outcome.DELIVERED)));
            assertEquals(1, justOldEnough.agedBetween(lead, maxAge));
            VisitNotices stale = VisitNotices.of(visit("2026-03-10T10:00"), at("2026-03-10T10:00",
                    notice("2026-03-03T10:00", Outcome.DELIVERED)));
            assertEquals(0, stale.agedBetween(lead, maxAge));
        }

        @Test
        void aNoticeThatDidNotReachTheDebtorIsNotListedAndAFreshOneMaturesAfterTheLead() {
            VisitNotices notices = VisitNotices.of(visit("2026-03-10T10:00"), at("2026-03-10T10:00",
                    notice("2026-03-08T10:00", Outcome.FAILED), notice("2026-03-10T09:00", Outcome.DELIVERED)));
            assertEquals(List.of(bj("2026-03-10T09:00")), notices.notices());
            assertEquals(bj("2026-03-11T09:00"), notices.maturesAt(Duration.ofHours(24), Duration.ofDays(7)));
            assertNull(notices.maturesAt(Duration.ofHours(24), Duration.ofHours(24)));
        }

        @Test
        void aVisitExactlyOneWindowAgoHasLeftTheWindow() {
            ContactAttempt met = ContactAttempt.builder().channel(Channel.VISIT).at(bj("2026-03-03T10:00"))
                    .recipient(Recipient.DEBTOR).accountIds("A1").outcome(Outcome.MET)
                    .visit(new VisitDetails(2, true, true, false, false, true)).build();
            VisitsMet atTheEdge = VisitsMet.of(visit("2026-03-10T10:00"), at("2026-03-10T10:00", met)).get(0);
            assertEquals(0, atTheEdge.within(Duration.ofDays(7)));
            VisitsMet justInside = VisitsMet.of(visit("2026-03-10T09:59"), at("2026-03-10T09:59", met)).get(0);
            assertEquals(1, justInside.within(Duration.ofDays(7)));
            assertEquals(bj("2026-03-10T10:00"), justInside.reopensAt(Duration.ofDays(7), 1));
            assertNull(justInside.reopensAt(Duration.ofDays(7), 0));
        }
    }

    @Nested
    class ConsentsAndRefusals {

        @Test
        void aConsentIsInForceFromItsGivingUntilJustBeforeItsEnd() {
            Consent consent = new Consent(ConsentKind.THIRD_PARTY_CONTACT, bj("2026-03-01T00:00"), null, "C1",
                    bj("2026-03-10T00:00"), null, null, null, false);
            assertEquals(1, ConsentInForce.at(bj("2026-03-01T00:00"), List.of(consent)).size());
            assertTrue(ConsentInForce.at(bj("2026-03-10T00:00"), List.of(consent)).isEmpty());
            ConsentInForce inForce = ConsentInForce.at(bj("2026-03-05T00:00"), List.of(consent)).get(0);
            assertTrue(inForce.names(ContactPoint.of("C1", ContactPointKind.MOBILE)));
            assertFalse(inForce.names(M1));
            assertFalse(inForce.names(null));
        }

        @Test
        void aThirdPartyRefusedWhenItsRefusalIsNotAfterTheMomentOrAPastContactEndedRefused() {
            ProposedAction toParty = ProposedAction.builder().channel(Channel.CALL).at(bj("2026-03-10T10:00"))
                    .recipient(Recipient.RELATIVE).thirdPartyId("T1").contactPoint(M2).accountIds("A1").build();
            ThirdParty refusesLater = new ThirdParty("T1", Recipient.RELATIVE, false, bj("2026-03-10T10:01"), false);
            ThirdParty refusedNow = new ThirdParty("T1", Recipient.RELATIVE, false, bj("2026-03-10T10:00"), false);
            assertTrue(ThirdPartyRefusal.of(request(toParty, refusesLater), toParty, at("2026-03-10T10:00")).isEmpty());
            assertEquals(List.of(new ThirdPartyRefusal("T1", bj("2026-03-10T10:00"))),
                    ThirdPartyRefusal.of(request(toParty, refusedNow), toParty, at("2026-03-10T10:00")));
            ContactAttempt refusedCall = ContactAttempt.builder().channel(Channel.CALL).at(bj("2026-03-09T10:00"))
                    .recipient(Recipient.RELATIVE).thirdPartyId("T1").contactPoint(M2).accountIds("A1")
                    .outcome(Outcome.REFUSED).build();
            assertEquals(List.of(new ThirdPartyRefusal("T1", bj("2026-03-09T10:00"))),
                    ThirdPartyRefusal.of(request(toParty, refusesLater), toParty, at("2026-03-10T10:00", refusedCall)));
        }

        private DecisionRequest request(ProposedAction action, ThirdParty party) {
            return DecisionRequest.builder().action(action).debtor(Debtor.of("D1", "Asia/Shanghai"))
                    .accounts(List.of(Account.of("A1", Product.CONSUMER_LOAN, "CN", 30))).thirdParty(party).build();
        }
    }

    @Nested
    class HoursWithAFallbackZone {

        @Test
        void anUnknownZoneReadsTheHoursInTheFallbackZone() {
            ActionTime at2200 = new ActionTime(bj("2026-03-10T22:00"), List.of());
            ActionTime at2159 = new ActionTime(bj("2026-03-10T21:59"), List.of());
            LocalTime start = LocalTime.of(22, 0);
            LocalTime end = LocalTime.of(8, 0);
            assertTrue(at2200.insideAnyZone(start, end, BEIJING));
            assertFalse(at2159.insideAnyZone(start, end, BEIJING));
            assertEquals(bj("2026-03-11T08:00"), at2200.nextWithinEveryZone(end, start, BEIJING));
            assertEquals(bj("2026-03-11T00:00"), at2200.nextDayStart(BEIJING));
        }

        @Test
        void aKnownZoneIsReadInsteadOfTheFallback() {
            ActionTime newYorkMorning = new ActionTime(bj("2026-03-10T22:00"), List.of(ZoneId.of("America/New_York")));
            assertFalse(newYorkMorning.insideAnyZone(LocalTime.of(22, 0), LocalTime.of(8, 0), BEIJING));
            // 22:00 in Beijing is 10:00 in New York (daylight saving from 8 March 2026).
            assertFalse(newYorkMorning.outsideAnyZone(LocalTime.of(10, 0), LocalTime.of(20, 0), BEIJING));
            assertTrue(newYorkMorning.outsideAnyZone(LocalTime.of(10, 1), LocalTime.of(20, 0), BEIJING));
        }
    }
}
