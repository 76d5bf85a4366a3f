package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.contactguard.catalog.cn.CnFixtures.debtor;
import static org.contactguard.catalog.cn.CnFixtures.pastVisitMet;
import static org.contactguard.catalog.cn.CnFixtures.request;
import static org.contactguard.catalog.cn.CnFixtures.visit;
import static org.contactguard.catalog.cn.CnFixtures.visitNotice;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CnVisitsTest {

    static final Instant VISIT_AT = bj("2026-03-10T10:00");
    /** The notice exactly the lead time (24 h) before the visit. */
    static final List<ContactAttempt> NOTICE_AT_LEAD = List.of(visitNotice(VISIT_AT.minus(Duration.ofHours(24))));

    static List<ContactAttempt> noticeFor(Instant visitAt) {
        return List.of(visitNotice(visitAt.minus(Duration.ofHours(24))));
    }

    @Test
    void compliantVisitIsAllowed() {
        assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), NOTICE_AT_LEAD)).isAllowed();
    }

    @Nested
    class Staff {

        @Test
        void oneCollectorIsDenied() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).visit(new VisitDetails(1, true, true, false, false, false))
                    .build(), NOTICE_AT_LEAD)).isDeniedBy("CN-VISIT-01").hasNoNextPermittedAt();
        }

        @Test
        void twoCollectorsAreEnough() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).visit(new VisitDetails(2, true, true, false, false, false))
                    .build(), NOTICE_AT_LEAD)).isAllowed();
        }
    }

    @Nested
    class Entry {

        @Test
        void enteringAHomeUninvitedIsDenied() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).visit(new VisitDetails(2, true, true, true, false, false))
                    .build(), NOTICE_AT_LEAD)).isDeniedBy("CN-VISIT-02");
        }

        @Test
        void enteringAHomeWhenInvitedInIsAllowed() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).visit(new VisitDetails(2, true, true, true, true, false))
                    .build(), NOTICE_AT_LEAD)).isAllowed();
        }

        @Test
        void enteringTheWorkplaceIsDeniedEvenWhenInvited() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).place(Place.WORK)
                    .visit(new VisitDetails(2, true, true, true, true, false)).build(), NOTICE_AT_LEAD))
                    .isDeniedBy("CN-VISIT-04");
        }

        @Test
        void waitingOutsideTheWorkplaceIsAllowed() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).place(Place.WORK).build(), NOTICE_AT_LEAD)).isAllowed();
        }
    }

    @Nested
    class Hours {

        @Test
        void visitAtSevenFiftyNineIsDeniedByTheQuietWindowAndVisitHours() {
            Instant at = bj("2026-03-10T07:59");
            assertThatDecision(ENGINE, request(visit(at).build(), noticeFor(at)))
                    .isDeniedBy("CN-HOURS-01", "CN-VISIT-03").hasNextPermittedAt(bj("2026-03-10T08:00"));
        }

        @Test
        void visitAtEightIsAllowed() {
            Instant at = bj("2026-03-10T08:00");
            assertThatDecision(ENGINE, request(visit(at).build(), noticeFor(at))).isAllowed();
        }

        @Test
        void visitAtSevenFiftyNineInTheEveningIsAllowed() {
            Instant at = bj("2026-03-10T19:59");
            assertThatDecision(ENGINE, request(visit(at).build(), noticeFor(at))).isAllowed();
        }

        @Test
        void visitAtEightInTheEveningIsDeniedUntilEightNextMorning() {
            Instant at = bj("2026-03-10T20:00");
            assertThatDecision(ENGINE, request(visit(at).build(), noticeFor(at)))
                    .isDeniedBy("CN-VISIT-03").hasNextPermittedAt(bj("2026-03-11T08:00"));
        }

        @Test
        void visitAtTenInTheEveningIsDeniedByBoth() {
            Instant at = bj("2026-03-10T22:00");
            assertThatDecision(ENGINE, request(visit(at).build(), noticeFor(at))).isDeniedBy("CN-HOURS-01", "CN-VISIT-03");
        }
    }

    @Nested
    class CredentialsAndRecording {

        @Test
        void visitWithoutCredentialsIsDenied() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).visit(new VisitDetails(2, false, true, false, false, false))
                    .build(), NOTICE_AT_LEAD)).isDeniedBy("CN-VISIT-05");
        }

        @Test
        void unrecordedVisitIsDenied() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).visit(new VisitDetails(2, true, false, false, false, false))
                    .build(), NOTICE_AT_LEAD)).isDeniedBy("CN-VISIT-06");
        }

        @Test
        void houseRulesCanBeSwitchedOff() {
            ComplianceEngine relaxed = ComplianceEngine.builder().pack("cn")
                    .parameter("cn", "visitRequireCredentials", "false")
                    .parameter("cn", "visitRequireRecording", "false")
                    .parameter("cn", "visitRequireNotice", "false").build();
            assertThatDecision(relaxed, request(visit(VISIT_AT).visit(new VisitDetails(2, false, false, false, false, false))
                    .build())).isAllowed();
        }
    }

    @Nested
    class Notice {

        @Test
        void noticeOneMinuteShortOfTheLeadTimeIsDeniedUntilItMatures() {
            Instant noticeAt = VISIT_AT.minus(Duration.ofHours(24)).plusSeconds(60);
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), List.of(visitNotice(noticeAt))))
                    .isDeniedBy("CN-VISIT-07").hasNextPermittedAt(VISIT_AT.plusSeconds(60));
        }

        @Test
        void noticeExactlyTheLeadTimeBeforeIsEnough() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), NOTICE_AT_LEAD)).isAllowed();
        }

        @Test
        void noticeOneMinuteYoungerThanSevenDaysStillCounts() {
            Instant noticeAt = VISIT_AT.minus(Duration.ofDays(7)).plusSeconds(60);
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), List.of(visitNotice(noticeAt)))).isAllowed();
        }

        @Test
        void noticeSevenDaysOldIsStaleAndOnlyANewNoticeHelps() {
            Instant noticeAt = VISIT_AT.minus(Duration.ofDays(7));
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), List.of(visitNotice(noticeAt))))
                    .isDeniedBy("CN-VISIT-07").hasNoNextPermittedAt();
        }

        @Test
        void staleNoticeAndAFreshOneShortOfTheLeadTimeAllowTheVisitWhenTheFreshOneMatures() {
            Instant fresh = VISIT_AT.minus(Duration.ofHours(2));
            List<ContactAttempt> history = List.of(visitNotice(VISIT_AT.minus(Duration.ofDays(30))), visitNotice(fresh));
            Instant matures = fresh.plus(Duration.ofHours(24));
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), history))
                    .isDeniedBy("CN-VISIT-07").hasNextPermittedAt(matures);
            assertThatDecision(ENGINE, request(visit(matures).build(), history)).isAllowed();
        }

        @Test
        void noticeCallThatRangOutIsNoNotice() {
            ContactAttempt rangOut = ContactAttempt.builder().channel(Channel.CALL).at(VISIT_AT.minus(Duration.ofHours(30)))
                    .recipient(Recipient.DEBTOR).contactPoint(CnFixtures.MOBILE).accountIds("A1")
                    .purpose(Purpose.VISIT_NOTICE).outcome(Outcome.NO_ANSWER).build();
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), List.of(rangOut)))
                    .isDeniedBy("CN-VISIT-07").hasNoNextPermittedAt();
        }

        @Test
        void noticeCallThatReachedTheDebtorCounts() {
            ContactAttempt connected = ContactAttempt.builder().channel(Channel.CALL).at(VISIT_AT.minus(Duration.ofHours(30)))
                    .recipient(Recipient.DEBTOR).contactPoint(CnFixtures.MOBILE).accountIds("A1")
                    .purpose(Purpose.VISIT_NOTICE).outcome(Outcome.CONNECTED).build();
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), List.of(connected))).isAllowed();
        }

        @Test
        void visitWithoutAnyNoticeIsDeniedWithNoNextMoment() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build())).isDeniedBy("CN-VISIT-07").hasNoNextPermittedAt();
        }
    }

    @Nested
    class VisitsPerWindow {

        @Test
        void secondMetVisitWithinSevenDaysIsDenied() {
            Instant previous = VISIT_AT.minus(Duration.ofDays(7)).plusSeconds(60);
            List<ContactAttempt> history = List.of(pastVisitMet(previous), NOTICE_AT_LEAD.get(0));
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), history))
                    .isDeniedBy("CN-VISIT-08").hasNextPermittedAt(VISIT_AT.plusSeconds(60));
        }

        @Test
        void previousVisitExactlySevenDaysAgoHasLeftTheWindow() {
            List<ContactAttempt> history = List.of(pastVisitMet(VISIT_AT.minus(Duration.ofDays(7))), NOTICE_AT_LEAD.get(0));
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), history)).isAllowed();
        }

        @Test
        void oralConsentToMoreVisitsDoesNotLiftTheCap() {
            Debtor consenting = Debtor.builder("D1").zone("Asia/Shanghai").consent(new Consent(ConsentKind.MORE_VISITS,
                    bj("2026-03-01T10:00"), null, null, null, null, null, null, false)).build();
            List<ContactAttempt> history = List.of(pastVisitMet(VISIT_AT.minus(Duration.ofDays(2))), NOTICE_AT_LEAD.get(0));
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), consenting, history)).isDeniedBy("CN-VISIT-08");
        }

        @Test
        void aVisitWhereTheDebtorRefusedToTalkUsesUpTheWindow() {
            ContactAttempt refused = ContactAttempt.builder().channel(Channel.VISIT).at(VISIT_AT.minus(Duration.ofDays(2)))
                    .recipient(Recipient.DEBTOR).place(Place.HOME).visit(CnFixtures.COMPLIANT_VISIT).accountIds("A1")
                    .outcome(Outcome.REFUSED).build();
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), List.of(refused, NOTICE_AT_LEAD.get(0))))
                    .isDeniedBy("CN-VISIT-08").hasNextPermittedAt(VISIT_AT.plus(Duration.ofDays(5)));
        }

        @Test
        void aVisitThatFoundNobodyHomeDoesNotUseUpTheWindow() {
            ContactAttempt nobody = ContactAttempt.builder().channel(Channel.VISIT).at(VISIT_AT.minus(Duration.ofDays(2)))
                    .recipient(Recipient.DEBTOR).place(Place.HOME).visit(CnFixtures.COMPLIANT_VISIT).accountIds("A1")
                    .outcome(Outcome.NOBODY_HOME).build();
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), List.of(nobody, NOTICE_AT_LEAD.get(0)))).isAllowed();
        }

        @Test
        void writtenConsentToMoreVisitsLiftsTheCap() {
            Debtor consenting = Debtor.builder("D1").zone("Asia/Shanghai").consent(new Consent(ConsentKind.MORE_VISITS,
                    bj("2026-03-01T10:00"), null, null, null, null, null, null, true)).build();
            List<ContactAttempt> history = List.of(pastVisitMet(VISIT_AT.minus(Duration.ofDays(2))), NOTICE_AT_LEAD.get(0));
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), consenting, history)).isAllowed();
        }
    }

    @Nested
    class RestrictedDebtors {

        @Test
        void hospitalisedDebtorIsNotVisitedUntilDischarge() {
            Instant discharged = bj("2026-03-12T12:00");
            Debtor inHospital = Debtor.builder("D1").zone("Asia/Shanghai")
                    .restriction(Restriction.of(RestrictionKind.HOSPITALISED, bj("2026-03-01T00:00"), discharged)).build();
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), inHospital, NOTICE_AT_LEAD))
                    .isDeniedBy("CN-VISIT-09").hasNextPermittedAt(discharged);
        }

        @Test
        void complaintUnderHandlingStopsVisits() {
            Debtor complaining = Debtor.builder("D1").zone("Asia/Shanghai")
                    .restriction(Restriction.of(RestrictionKind.COMPLAINT_OPEN)).build();
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), complaining, NOTICE_AT_LEAD))
                    .isDeniedBy("CN-VISIT-09", "CN-RESTR-02");
        }

        @Test
        void unrestrictedDebtorIsVisited() {
            assertThatDecision(ENGINE, request(visit(VISIT_AT).build(), debtor(), NOTICE_AT_LEAD)).isAllowed();
        }
    }
}
