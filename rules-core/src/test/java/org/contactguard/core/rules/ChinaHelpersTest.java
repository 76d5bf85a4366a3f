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
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The helpers the China pack's rules call: per-day counts, quiet hours, 失联, visits, refusals. */
class ChinaHelpersTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ContactPoint M1 = ContactPoint.of("M1", ContactPointKind.MOBILE);
    static final ContactPoint M2 = ContactPoint.of("M2", ContactPointKind.MOBILE);

    static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    static ContactAttempt call(String at, ContactPoint point, Outcome outcome) {
        return ContactAttempt.call(bj(at), "A1", point, outcome);
    }

    static ContactHistory at(String now, List<ContactAttempt> attempts) {
        return ContactHistory.of(bj(now), attempts);
    }

    @Nested
    class DayCounts {

        @Test
        void unansweredCountsOnlyTodaysNonConnectionsToThatNumber() {
            List<ContactAttempt> calls = List.of(call("2026-03-09T23:59", M1, Outcome.NO_ANSWER),
                    call("2026-03-10T00:00", M1, Outcome.BUSY), call("2026-03-10T09:00", M1, Outcome.CONNECTED),
                    call("2026-03-10T09:10", M1, null), call("2026-03-10T09:20", M2, Outcome.FAILED));
            assertEquals(2, LocalDayCounts.unansweredCallsToday(at("2026-03-10T12:00", calls), "M1", BEIJING));
            assertEquals(1, LocalDayCounts.unansweredCallsToday(at("2026-03-10T12:00", calls), "M2", BEIJING));
            assertEquals(0, LocalDayCounts.unansweredCallsToday(at("2026-03-10T12:00", calls), null, BEIJING));
        }

        @Test
        void conversationsCountCollectorCallsThatConnectedOrAreNotKnownYet() {
            List<ContactAttempt> calls = List.of(call("2026-03-10T09:00", M1, Outcome.CONNECTED),
                    call("2026-03-10T09:10", M2, null), call("2026-03-10T09:20", M1, Outcome.NO_ANSWER),
                    ContactAttempt.builder().channel(Channel.CALL).at(bj("2026-03-10T09:30")).recipient(Recipient.DEBTOR)
                            .contactPoint(M1).accountIds("A1").initiatedBy(Initiator.DEBTOR).outcome(Outcome.CONNECTED)
                            .build());
            assertEquals(2, LocalDayCounts.conversationsToday(at("2026-03-10T12:00", calls), BEIJING));
        }

        @Test
        void nextDayStartIsBeijingMidnight() {
            assertEquals(bj("2026-03-11T00:00"), LocalDayCounts.nextDayStart(bj("2026-03-10T23:59"), BEIJING));
            assertEquals(bj("2026-03-11T00:00"), LocalDayCounts.nextDayStart(bj("2026-03-10T00:00"), BEIJING));
        }

        @Test
        void redialGapIsStrict() {
            List<ContactAttempt> one = List.of(call("2026-03-10T09:00", M1, Outcome.NO_ANSWER));
            assertTrue(LocalDayCounts.calledWithin(at("2026-03-10T09:04", one), "M1", Duration.ofMinutes(5)));
            assertFalse(LocalDayCounts.calledWithin(at("2026-03-10T09:05", one), "M1", Duration.ofMinutes(5)));
            assertFalse(LocalDayCounts.calledWithin(at("2026-03-10T09:04", one), "M2", Duration.ofMinutes(5)));
        }
    }

    @Nested
    class QuietHours {

        final LocalTime start = LocalTime.of(22, 0);
        final LocalTime end = LocalTime.of(8, 0);

        @Test
        void windowIsHalfOpenAndReadInBeijingWhenZonesAreUnknown() {
            assertFalse(LocalQuietHours.inQuietWindow(new ActionTime(bj("2026-03-10T21:59"), List.of()), BEIJING, start, end));
            assertTrue(LocalQuietHours.inQuietWindow(new ActionTime(bj("2026-03-10T22:00"), List.of()), BEIJING, start, end));
            assertTrue(LocalQuietHours.inQuietWindow(new ActionTime(bj("2026-03-11T07:59"), List.of()), BEIJING, start, end));
            assertFalse(LocalQuietHours.inQuietWindow(new ActionTime(bj("2026-03-11T08:00"), List.of()), BEIJING, start, end));
            assertEquals(bj("2026-03-11T08:00"),
                    LocalQuietHours.quietWindowEnds(new ActionTime(bj("2026-03-10T22:00"), List.of()), BEIJING, start, end));
        }

        @Test
        void consentMustBeValidAndCoverTheMomentForItsChannel() {
            Consent smsOnly = new Consent(org.contactguard.core.model.ConsentKind.CONTACT_TIME, bj("2026-03-01T00:00"),
                    Channel.SMS, null, null, null, LocalTime.of(21, 0), LocalTime.of(23, 0), false);
            Debtor debtor = Debtor.builder("D1").zone(BEIJING).consent(smsOnly).build();
            ActionTime night = new ActionTime(bj("2026-03-10T22:30"), List.of(BEIJING));
            assertTrue(LocalQuietHours.consentCovers(debtor, night, BEIJING, Channel.SMS));
            assertFalse(LocalQuietHours.consentCovers(debtor, night, BEIJING, Channel.CALL));
            ActionTime later = new ActionTime(bj("2026-03-10T23:30"), List.of(BEIJING));
            assertFalse(LocalQuietHours.consentCovers(debtor, later, BEIJING, Channel.SMS));
        }

        @Test
        void consentNamingAContactPointCoversOnlyContactsThroughIt() {
            Consent m2Only = new Consent(org.contactguard.core.model.ConsentKind.CONTACT_TIME, bj("2026-03-01T00:00"),
                    null, "M2", null, null, LocalTime.of(21, 0), LocalTime.of(23, 0), false);
            Debtor debtor = Debtor.builder("D1").zone(BEIJING).consent(m2Only).build();
            ActionTime night = new ActionTime(bj("2026-03-10T22:30"), List.of(BEIJING));
            ProposedAction toM2 = ProposedAction.builder().channel(Channel.CALL).at(night.at()).recipient(Recipient.DEBTOR)
                    .contactPoint(M2).accountIds("A1").build();
            ProposedAction toM1 = ProposedAction.builder().channel(Channel.CALL).at(night.at()).recipient(Recipient.DEBTOR)
                    .contactPoint(M1).accountIds("A1").build();
            ProposedAction visit = ProposedAction.builder().channel(Channel.VISIT).at(night.at()).recipient(Recipient.DEBTOR)
                    .visit(new VisitDetails(2, true, true, false, false, false)).accountIds("A1").build();
            assertTrue(LocalQuietHours.consentCovers(debtor, night, BEIJING, toM2));
            assertFalse(LocalQuietHours.consentCovers(debtor, night, BEIJING, toM1));
            assertFalse(LocalQuietHours.consentCovers(debtor, night, BEIJING, visit));
            Debtor anyNumber = Debtor.builder("D1").zone(BEIJING)
                    .consent(Consent.contactTime(bj("2026-03-01T00:00"), LocalTime.of(21, 0), LocalTime.of(23, 0))).build();
            assertTrue(LocalQuietHours.consentCovers(anyNumber, night, BEIJING, toM1));
            assertTrue(LocalQuietHours.consentCovers(anyNumber, night, BEIJING, visit));
        }
    }

    @Nested
    class Lost {

        @Test
        void threeFailedCallsOpenThirdPartiesFromTheNextDay() {
            List<ContactAttempt> three = List.of(call("2026-03-10T09:00", M1, Outcome.NO_ANSWER),
                    call("2026-03-10T10:00", M1, Outcome.BUSY), call("2026-03-10T11:00", M1, Outcome.VOICEMAIL));
            assertFalse(LostContact.isLost(at("2026-03-10T23:59", three), BEIJING, 3, 3));
            assertTrue(LostContact.isLost(at("2026-03-11T00:00", three), BEIJING, 3, 3));
            assertEquals(bj("2026-03-11T00:00"), LostContact.lostFrom(at("2026-03-10T15:00", three), BEIJING, 3, 3));
        }

        @Test
        void aConversationOrAContactTheDebtorStartedEndsIt() {
            List<ContactAttempt> history = new ArrayList<>(List.of(call("2026-03-09T09:00", M1, Outcome.NO_ANSWER),
                    call("2026-03-09T10:00", M1, Outcome.NO_ANSWER), call("2026-03-09T11:00", M1, Outcome.NO_ANSWER)));
            assertTrue(LostContact.isLost(at("2026-03-10T09:00", history), BEIJING, 3, 3));
            history.add(ContactAttempt.builder().channel(Channel.SMS).at(bj("2026-03-09T20:00")).recipient(Recipient.DEBTOR)
                    .contactPoint(M1).accountIds("A1").initiatedBy(Initiator.DEBTOR).build());
            assertFalse(LostContact.isLost(at("2026-03-10T09:00", history), BEIJING, 3, 3));
        }

        @Test
        void unknownOutcomeNeverOpensThirdParties() {
            List<ContactAttempt> unknown = List.of(call("2026-03-09T09:00", M1, null), call("2026-03-09T10:00", M1, null),
                    call("2026-03-09T11:00", M1, null));
            assertFalse(LostContact.isLost(at("2026-03-10T09:00", unknown), BEIJING, 3, 3));
            assertNull(LostContact.lostFrom(at("2026-03-10T09:00", unknown), BEIJING, 3, 3));
        }

        @Test
        void allNumbersOutOfServiceIsLostAtOnce() {
            List<ContactAttempt> dead = List.of(call("2026-03-10T09:00", M1, Outcome.NOT_IN_SERVICE),
                    call("2026-03-10T09:10", M2, Outcome.NOT_IN_SERVICE));
            assertEquals("every number of the debtor is out of service",
                    LostContact.trigger(at("2026-03-10T09:20", dead), BEIJING, 3, 3));
        }

        @Test
        void unreachableDaysNeedAnAttemptOnEachDay() {
            List<ContactAttempt> daily = List.of(call("2026-03-07T09:00", M1, Outcome.NO_ANSWER),
                    call("2026-03-08T09:00", M1, Outcome.NO_ANSWER), call("2026-03-09T09:00", M1, Outcome.NO_ANSWER));
            assertTrue(LostContact.isLost(at("2026-03-10T09:00", daily), BEIJING, 10, 3));
            assertFalse(LostContact.isLost(at("2026-03-11T09:00", daily), BEIJING, 10, 3));
        }
    }

    @Nested
    class Visits {

        static ContactAttempt notice(String at) {
            return ContactAttempt.builder().channel(Channel.SMS).at(bj(at)).recipient(Recipient.DEBTOR).contactPoint(M1)
                    .accountIds("A1").purpose(Purpose.VISIT_NOTICE).outcome(Outcome.DELIVERED).build();
        }

        @Test
        void noticeMustBeAtLeastTheLeadBefore() {
            Duration lead = Duration.ofHours(24);
            assertTrue(VisitHistory.noticeGiven(at("2026-03-10T10:00", List.of(notice("2026-03-09T10:00"))), List.of("A1"), lead));
            assertFalse(VisitHistory.noticeGiven(at("2026-03-10T10:00", List.of(notice("2026-03-09T10:01"))), List.of("A1"), lead));
            assertFalse(VisitHistory.noticeGiven(at("2026-03-10T10:00", List.of(notice("2026-03-09T10:00"))), List.of("A2"), lead));
            assertEquals(bj("2026-03-10T10:01"),
                    VisitHistory.noticeMatures(at("2026-03-10T10:00", List.of(notice("2026-03-09T10:01"))), List.of("A1"), lead));
        }

        @Test
        void noticeOlderThanTheMaximumAgeIsStale() {
            Duration lead = Duration.ofHours(24);
            Duration maxAge = Duration.ofDays(7);
            ContactHistory oneMinuteFresh = at("2026-03-10T10:00", List.of(notice("2026-03-03T10:01")));
            ContactHistory exactlyMaxAge = at("2026-03-10T10:00", List.of(notice("2026-03-03T10:00")));
            assertTrue(VisitHistory.noticeGiven(oneMinuteFresh, List.of("A1"), lead, maxAge));
            assertFalse(VisitHistory.noticeGiven(exactlyMaxAge, List.of("A1"), lead, maxAge));
            assertTrue(VisitHistory.noticeGiven(exactlyMaxAge, List.of("A1"), lead), "no maximum age: any age counts");
            assertNull(VisitHistory.noticeMatures(exactlyMaxAge, List.of("A1"), lead, maxAge), "only a new notice helps");
            ContactHistory staleAndRecent = at("2026-03-10T10:00", List.of(notice("2026-03-01T10:00"), notice("2026-03-09T12:00")));
            assertEquals(bj("2026-03-10T12:00"), VisitHistory.noticeMatures(staleAndRecent, List.of("A1"), lead, maxAge));
            assertNull(VisitHistory.noticeMatures(staleAndRecent, List.of("A1"), lead, lead), "max age not above lead: never");
        }

        @Test
        void noticeCountsOnlyWhenItReachedTheDebtor() {
            Duration lead = Duration.ofHours(24);
            for (Outcome outcome : Outcome.values()) {
                ContactAttempt notice = ContactAttempt.builder().channel(Channel.CALL).at(bj("2026-03-09T10:00"))
                        .recipient(Recipient.DEBTOR).contactPoint(M1).accountIds("A1").purpose(Purpose.VISIT_NOTICE)
                        .outcome(outcome).build();
                boolean expected = outcome == Outcome.DELIVERED || outcome == Outcome.CONNECTED || outcome == Outcome.MET;
                assertEquals(expected, VisitHistory.noticeGiven(at("2026-03-10T10:00", List.of(notice)), List.of("A1"), lead),
                        outcome.name());
            }
            ContactAttempt unknown = ContactAttempt.builder().channel(Channel.LETTER).at(bj("2026-03-09T10:00"))
                    .recipient(Recipient.DEBTOR).accountIds("A1").purpose(Purpose.VISIT_NOTICE).build();
            assertFalse(VisitHistory.noticeGiven(at("2026-03-10T10:00", List.of(unknown)), List.of("A1"), lead));
            ContactAttempt messageLeft = ContactAttempt.builder().channel(Channel.CALL).at(bj("2026-03-09T10:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(M1).accountIds("A1").purpose(Purpose.VISIT_NOTICE)
                    .outcome(Outcome.VOICEMAIL).messageLeft(true).build();
            assertTrue(VisitHistory.noticeGiven(at("2026-03-10T10:00", List.of(messageLeft)), List.of("A1"), lead));
        }

        @Test
        void aVisitWhereThePersonMetRefusedToTalkCountsAsMet() {
            for (Outcome outcome : List.of(Outcome.REFUSED, Outcome.NOBODY_HOME)) {
                ContactAttempt visit = ContactAttempt.builder().channel(Channel.VISIT).at(bj("2026-03-08T10:00"))
                        .recipient(Recipient.DEBTOR).place(Place.HOME).visit(new VisitDetails(2, true, true, false, false, false))
                        .accountIds("A1").outcome(outcome).build();
                assertEquals(outcome == Outcome.REFUSED ? 1 : 0,
                        VisitHistory.visitsMet(at("2026-03-10T10:00", List.of(visit)), "A1", Duration.ofDays(7)), outcome.name());
            }
        }

        @Test
        void onlyVisitsThatMetSomeoneCount() {
            ContactAttempt met = ContactAttempt.builder().channel(Channel.VISIT).at(bj("2026-03-08T10:00"))
                    .recipient(Recipient.DEBTOR).place(Place.HOME).visit(new VisitDetails(2, true, true, false, false, true))
                    .accountIds("A1").build();
            ContactAttempt nobodyHome = ContactAttempt.builder().channel(Channel.VISIT).at(bj("2026-03-09T10:00"))
                    .recipient(Recipient.DEBTOR).place(Place.HOME).visit(new VisitDetails(2, true, true, false, false, false))
                    .accountIds("A1").outcome(Outcome.NOBODY_HOME).build();
            ContactHistory history = at("2026-03-10T10:00", List.of(met, nobodyHome));
            assertEquals(1, VisitHistory.visitsMet(history, "A1", Duration.ofDays(7)));
            assertEquals(bj("2026-03-15T10:00"), VisitHistory.visitsMetReopenAt(history, "A1", Duration.ofDays(7), 1));
        }
    }

    @Test
    void thirdPartyRefusalFromTheRecordOrFromHistory() {
        ThirdParty flagged = new ThirdParty("T1", Recipient.RELATIVE, false, bj("2026-03-10T09:00"), false);
        assertTrue(ThirdPartyContacts.refused(at("2026-03-10T09:00", List.of()), flagged));
        assertFalse(ThirdPartyContacts.refused(at("2026-03-10T08:59", List.of()), flagged));
        ThirdParty plain = new ThirdParty("T1", Recipient.RELATIVE, false, null, false);
        ContactAttempt refusal = ContactAttempt.builder().channel(Channel.CALL).at(bj("2026-03-09T10:00"))
                .recipient(Recipient.RELATIVE).thirdPartyId("T1").contactPoint(M2).accountIds("A1")
                .outcome(Outcome.REFUSED).build();
        assertTrue(ThirdPartyContacts.refused(at("2026-03-10T09:00", List.of(refusal)), plain));
    }
}
