package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.CREDITOR;
import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.HOME_PHONE;
import static org.contactguard.catalog.us.UsFixtures.MOBILE;
import static org.contactguard.catalog.us.UsFixtures.WORK_PHONE;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.inNewYork;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The state and city overlays, their automatic selection by account jurisdiction, and strictest-wins. */
class UsOverlaysTest {

    static final Instant NOON_10_MARCH = ny("2026-03-10T12:00");

    static Account account(String jurisdiction) {
        return Account.of("A1", Product.CREDIT_CARD, jurisdiction, 60);
    }

    /** A request naming only us-regf, about one account A1 in {@code jurisdiction}. */
    static DecisionRequest.Builder in(String jurisdiction, ProposedAction action, Debtor debtor,
            ContactAttempt... history) {
        return DecisionRequest.builder().id("overlay").packs("us-regf").collector(UsFixtures.AGENCY).action(action)
                .debtor(debtor).account(account(jurisdiction)).history(Arrays.asList(history))
                .thirdParty(UsFixtures.SPOUSE);
    }

    static DecisionRequest.Builder in(String jurisdiction, ProposedAction action, ContactAttempt... history) {
        return in(jurisdiction, action, inNewYork(), history);
    }

    static ContactAttempt to(ContactPoint point, Channel channel, Instant at, Outcome outcome) {
        return ContactAttempt.builder().channel(channel).at(at).recipient(Recipient.DEBTOR).contactPoint(point)
                .accountIds("A1").outcome(outcome).build();
    }

    static ProposedAction visit(Instant at, Place place, VisitDetails details) {
        return ProposedAction.builder().channel(Channel.VISIT).at(at).recipient(Recipient.DEBTOR).place(place)
                .accountIds("A1").visit(details).build();
    }

    static final VisitDetails OUTSIDE = new VisitDetails(1, true, false, false, false, false);

    @Nested
    class Selection {

        static final ContactAttempt VM_8_MARCH = to(MOBILE, Channel.CALL, ny("2026-03-08T10:00"), Outcome.VOICEMAIL);
        static final ContactAttempt VM_9_MARCH = to(MOBILE, Channel.CALL, ny("2026-03-09T10:00"), Outcome.VOICEMAIL);

        @Test
        void massachusettsAccountBringsItsOverlayWhenOnlyUsRegfIsNamed() {
            Decision d = ENGINE.decide(in("US-MA", call(NOON_10_MARCH).build(), VM_8_MARCH, VM_9_MARCH).build());
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build(), VM_8_MARCH, VM_9_MARCH).build())
                    .isDeniedBy("US-MA-FREQ-01");
            assertEquals(ENGINE.rules().version(List.of("us-regf", "us-ma")), d.ruleSetVersion());
        }

        @Test
        void federalAccountIsNotDecidedByTheOverlay() {
            DecisionRequest r = in("US", call(NOON_10_MARCH).build(), VM_8_MARCH, VM_9_MARCH).build();
            assertThatDecision(ENGINE, r).isAllowed();
            assertEquals(ENGINE.rules().version(List.of("us-regf")), ENGINE.decide(r).ruleSetVersion());
        }

        @Test
        void stateWithoutAnOverlayIsDecidedByFederalRulesAlone() {
            assertThatDecision(ENGINE, in("US-TX", call(NOON_10_MARCH).build(), VM_8_MARCH, VM_9_MARCH).build())
                    .isAllowed();
        }

        @Test
        void namingTheOverlayBringsTheFederalPackWithIt() {
            DecisionRequest r = DecisionRequest.builder().id("o").packs("us-ma").collector(UsFixtures.AGENCY)
                    .action(call(ny("2026-03-10T07:59")).build()).debtor(inNewYork()).account(account("US-MA")).build();
            assertThatDecision(ENGINE, r).isDeniedBy("US-REGF-HOURS-01", "US-MA-HOURS-01");
        }

        @Test
        void requestNamingNoPacksGetsTheOverlayThroughTheDefaults() {
            ComplianceEngine federal = ComplianceEngine.builder().packs("us-regf", "us-ma").build();
            DecisionRequest r = DecisionRequest.builder().id("o").collector(UsFixtures.AGENCY)
                    .action(call(NOON_10_MARCH).build()).debtor(inNewYork()).account(account("US-MA"))
                    .history(List.of(VM_8_MARCH, VM_9_MARCH)).build();
            assertThatDecision(federal, r).isDeniedBy("US-MA-FREQ-01");
            DecisionRequest federalAccount = DecisionRequest.builder().id("o").collector(UsFixtures.AGENCY)
                    .action(call(NOON_10_MARCH).build()).debtor(inNewYork()).account(account("US"))
                    .history(List.of(VM_8_MARCH, VM_9_MARCH)).build();
            assertThatDecision(federal, federalAccount).isAllowed();
            assertEquals(federal.rules().version(List.of("us-regf")), federal.decide(federalAccount).ruleSetVersion());
        }

        @Test
        void accountInAnOverlayJurisdictionIsDeniedWhenTheOverlayIsNotLoaded() {
            ComplianceEngine federalOnly = ComplianceEngine.builder().pack("us-regf").build();
            Decision d = federalOnly.decide(in("US-MA", call(NOON_10_MARCH).build()).build());
            org.contactguard.core.testkit.DecisionAssert.assertThat(d).isDeniedBy("ENGINE-ERROR").hasMessageContaining("ENGINE-ERROR", "overlay not loaded")
                    .hasMessageContaining("ENGINE-ERROR", "US-MA").hasNoNextPermittedAt();
            assertThatDecision(federalOnly, in("US-TX", call(NOON_10_MARCH).build()).build()).isAllowed();
        }

        @Test
        void jurisdictionSpeltInAnotherCaseOrWithSpacesStillBringsItsOverlay() {
            for (String spelling : List.of("US-MA", "us-ma", "Us-Ma", " US-MA ")) {
                assertThatDecision(ENGINE, in(spelling, call(NOON_10_MARCH).build(), VM_8_MARCH, VM_9_MARCH).build())
                        .isDeniedBy("US-MA-FREQ-01");
            }
            // The other side: a federal account, however spelt, is decided by us-regf alone.
            for (String spelling : List.of("US", "us")) {
                assertThatDecision(ENGINE, in(spelling, call(NOON_10_MARCH).build(), VM_8_MARCH, VM_9_MARCH).build())
                        .isAllowed();
            }
            ComplianceEngine federalOnly = ComplianceEngine.builder().pack("us-regf").build();
            assertThatDecision(federalOnly, in("us-ma", call(NOON_10_MARCH).build()).build()).isDeniedBy("ENGINE-ERROR");
        }

        @Test
        void massachusettsAccountAmongSeveralStillBringsItsOverlay() {
            DecisionRequest r = DecisionRequest.builder().id("o").packs("us-regf").collector(UsFixtures.AGENCY)
                    .action(call(NOON_10_MARCH, "F1", "A1").build()).debtor(inNewYork())
                    .account(Account.of("F1", Product.CREDIT_CARD, "US", 60)).account(account("US-MA"))
                    .history(List.of(VM_8_MARCH, VM_9_MARCH)).build();
            assertThatDecision(ENGINE, r).isDeniedBy("US-MA-FREQ-01");
        }

        @Test
        void strictestWinsAndTheNextMomentSatisfiesEveryPack() {
            // MA: the 9 and 10 March calls reopen personal numbers at midnight on 16 March.
            // Federal: the 10 March conversation blocks calls until midnight on 17 March. Then 08:00.
            ContactAttempt talked = to(MOBILE, Channel.CALL, ny("2026-03-10T09:00"), Outcome.CONNECTED);
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build(), VM_9_MARCH, talked).build())
                    .isDeniedBy("US-REGF-FREQ-02", "US-MA-FREQ-01").hasNextPermittedAt(ny("2026-03-17T08:00"));
        }
    }

    @Nested
    class Massachusetts {

        @Test
        void secondCallToAPersonalNumberInSevenDatesIsAllowed() {
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build(),
                    to(MOBILE, Channel.CALL, ny("2026-03-04T10:00"), Outcome.VOICEMAIL)).build()).isAllowed();
        }

        @Test
        void thirdCallOrTextToPersonalNumbersIsDeniedUntilTheFirstLeavesTheSevenDates() {
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build(),
                    to(MOBILE, Channel.SMS, ny("2026-03-04T10:00"), Outcome.DELIVERED),
                    to(HOME_PHONE, Channel.CALL, ny("2026-03-06T10:00"), Outcome.VOICEMAIL)).build())
                    .isDeniedBy("US-MA-FREQ-01").hasNextPermittedAt(ny("2026-03-11T08:00"));
        }

        @Test
        void callsThatRangOutAreNotInitiatedCommunications() {
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build(),
                    to(MOBILE, Channel.CALL, ny("2026-03-08T10:00"), Outcome.NO_ANSWER),
                    to(MOBILE, Channel.CALL, ny("2026-03-09T10:00"), Outcome.BUSY)).build()).isAllowed();
        }

        @Test
        void thirdCallToAWorkNumberWithinThirtyDatesIsDenied() {
            // 10 March's 30-date window starts on 9 February.
            ProposedAction work = call(NOON_10_MARCH).contactPoint(WORK_PHONE).build();
            assertThatDecision(ENGINE, in("US-MA", work,
                    to(WORK_PHONE, Channel.CALL, ny("2026-02-09T10:00"), Outcome.VOICEMAIL),
                    to(WORK_PHONE, Channel.CALL, ny("2026-03-02T10:00"), Outcome.VOICEMAIL)).build())
                    .isDeniedBy("US-MA-FREQ-02").hasNextPermittedAt(ny("2026-03-11T08:00"));
            assertThatDecision(ENGINE, in("US-MA", work,
                    to(WORK_PHONE, Channel.CALL, ny("2026-02-08T10:00"), Outcome.VOICEMAIL),
                    to(WORK_PHONE, Channel.CALL, ny("2026-03-02T10:00"), Outcome.VOICEMAIL)).build()).isAllowed();
        }

        @Test
        void thirtyDateCapReopensBeyondTwoWeeksAndTheNextMomentIsStillFound() {
            // Both calls in the last week: the window reopens when the 2 March call leaves the 30 dates,
            // on 1 April, further ahead than the 14-day minimum look-ahead.
            ProposedAction work = call(NOON_10_MARCH).contactPoint(WORK_PHONE).build();
            assertThatDecision(ENGINE, in("US-MA", work,
                    to(WORK_PHONE, Channel.CALL, ny("2026-03-02T10:00"), Outcome.VOICEMAIL),
                    to(WORK_PHONE, Channel.CALL, ny("2026-03-09T10:00"), Outcome.VOICEMAIL)).build())
                    .isDeniedBy("US-MA-FREQ-02").hasNextPermittedAt(ny("2026-04-01T08:00"));
        }

        @Test
        void responseToTheDebtorIsNotInitiating() {
            ContactAttempt debtorCalled = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-10T11:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1")
                    .initiatedBy(org.contactguard.core.model.Initiator.DEBTOR).outcome(Outcome.NO_ANSWER).build();
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).purpose(Purpose.RESPONSE).build(),
                    to(MOBILE, Channel.SMS, ny("2026-03-04T10:00"), Outcome.DELIVERED),
                    to(MOBILE, Channel.CALL, ny("2026-03-06T10:00"), Outcome.VOICEMAIL), debtorCalled).build())
                    .isAllowed();
        }

        @Test
        void callMerelyLabelledResponseIsInitiatingWhenTheDebtorStartedNothing() {
            // No debtor contact in the history: the RESPONSE label does not take the call out of the count.
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).purpose(Purpose.RESPONSE).build(),
                    to(MOBILE, Channel.SMS, ny("2026-03-04T10:00"), Outcome.DELIVERED),
                    to(MOBILE, Channel.CALL, ny("2026-03-06T10:00"), Outcome.VOICEMAIL)).build())
                    .isDeniedBy("US-MA-FREQ-01");
        }

        @Test
        void pastCallsLabelledResponseCountUnlessTheyAnsweredTheDebtor() {
            ContactAttempt labelled = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-06T10:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1").purpose(Purpose.RESPONSE)
                    .outcome(Outcome.VOICEMAIL).build();
            ContactAttempt debtorCalled = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-06T09:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1")
                    .initiatedBy(org.contactguard.core.model.Initiator.DEBTOR).outcome(Outcome.NO_ANSWER).build();
            ContactAttempt text = to(MOBILE, Channel.SMS, ny("2026-03-04T10:00"), Outcome.DELIVERED);
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build(), text, labelled).build())
                    .isDeniedBy("US-MA-FREQ-01");
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build(), text, debtorCalled, labelled).build())
                    .isAllowed();
        }

        @Test
        void creditorIsBoundByMassachusettsHoursButNotByRegulationF() {
            assertThatDecision(ENGINE, in("US-MA", call(ny("2026-03-10T07:59")).build()).collector(CREDITOR).build())
                    .isDeniedBy("US-MA-HOURS-01").hasNextPermittedAt(ny("2026-03-10T08:00"));
            assertThatDecision(ENGINE, in("US-MA", call(ny("2026-03-10T08:00")).build()).collector(CREDITOR).build())
                    .isAllowed();
        }

        @Test
        void creditorWithNoKnownZoneIsDeniedByMassachusettsHours() {
            // Regulation F's unknown-zone rule does not bind creditors; Massachusetts does.
            Debtor nowhere = Debtor.of("D1");
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build(), nowhere).collector(CREDITOR).build())
                    .isDeniedBy("US-MA-HOURS-01").hasNoNextPermittedAt();
            assertThatDecision(ENGINE, in("US-MA", call(NOON_10_MARCH).build()).collector(CREDITOR).build())
                    .isAllowed();
        }

        @Test
        void collectorAt0759IsDeniedByBothPacks() {
            assertThatDecision(ENGINE, in("US-MA", call(ny("2026-03-10T07:59")).build()).build())
                    .isDeniedBy("US-REGF-HOURS-01", "US-MA-HOURS-01");
        }

        static final Instant ASKED_ORALLY = ny("2026-03-01T09:00");

        @Test
        void oralWorkRequestLastsTenDays() {
            Debtor asked = Debtor.builder("D1").zone("America/New_York")
                    .restriction(new Restriction(org.contactguard.core.model.RestrictionKind.NO_CONTACT_AT_WORK,
                            ASKED_ORALLY, null, false, false, null, null, null, null, null, null)).build();
            // Ten days of 24 hours: 09:00 EST on 1 March + 240 h is 10:00 EDT on 11 March. A creditor, so
            // that only Massachusetts decides (Regulation F does not bind creditors).
            Instant lapses = ASKED_ORALLY.plus(java.time.Duration.ofDays(10));
            assertThatDecision(ENGINE, in("US-MA", call(lapses.minusSeconds(60)).contactPoint(WORK_PHONE).build(), asked)
                    .collector(CREDITOR).build()).isDeniedBy("US-MA-WORK-01").hasNextPermittedAt(lapses);
            assertThatDecision(ENGINE, in("US-MA", call(lapses).contactPoint(WORK_PHONE).build(), asked)
                    .collector(CREDITOR).build()).isAllowed();
            // A debt collector stays bound federally: the debtor said work is an inconvenient place.
            assertThatDecision(ENGINE, in("US-MA", call(lapses).contactPoint(WORK_PHONE).build(), asked).build())
                    .isDeniedBy("US-REGF-PLACE-01");
        }

        @Test
        void oralWorkRequestConfirmedInWritingWithinSevenDaysStays() {
            Debtor confirmed = Debtor.builder("D1").zone("America/New_York")
                    .restriction(new Restriction(org.contactguard.core.model.RestrictionKind.NO_CONTACT_AT_WORK,
                            ASKED_ORALLY, null, false, false, null, null, null, null, null,
                            ASKED_ORALLY.plus(java.time.Duration.ofDays(7))))
                    .build();
            assertThatDecision(ENGINE, in("US-MA", call(ny("2026-03-20T10:00")).contactPoint(WORK_PHONE).build(),
                    confirmed).collector(CREDITOR).build()).isDeniedBy("US-MA-WORK-01").hasNoNextPermittedAt();
            Debtor late = Debtor.builder("D1").zone("America/New_York")
                    .restriction(new Restriction(org.contactguard.core.model.RestrictionKind.NO_CONTACT_AT_WORK,
                            ASKED_ORALLY, null, false, false, null, null, null, null, null,
                            ASKED_ORALLY.plus(java.time.Duration.ofDays(7)).plusSeconds(60)))
                    .build();
            assertThatDecision(ENGINE, in("US-MA", call(ny("2026-03-20T10:00")).contactPoint(WORK_PHONE).build(), late)
                    .collector(CREDITOR).build()).isAllowed();
        }

        static final ContactAttempt MET_15_FEBRUARY = ContactAttempt.builder().channel(Channel.VISIT)
                .at(ny("2026-02-15T10:00")).recipient(Recipient.DEBTOR).place(Place.HOME).accountIds("A1")
                .visit(new VisitDetails(1, true, false, false, false, true)).outcome(Outcome.MET).build();

        @Test
        void secondVisitWithinThirtyDatesIsDeniedUnlessConsentedInWriting() {
            assertThatDecision(ENGINE, in("US-MA", visit(NOON_10_MARCH, Place.HOME, OUTSIDE), MET_15_FEBRUARY).build())
                    .isDeniedBy("US-MA-VISIT-01").hasNextPermittedAt(ny("2026-03-17T08:00"));
            Debtor consented = Debtor.builder("D1").zone("America/New_York").consent(new Consent(
                    ConsentKind.MORE_VISITS, ny("2026-03-01T10:00"), null, null, null, null, null, null, true)).build();
            assertThatDecision(ENGINE, in("US-MA", visit(NOON_10_MARCH, Place.HOME, OUTSIDE), consented,
                    MET_15_FEBRUARY).build()).isAllowed();
        }

        @Test
        void earlierVisitWithAnUnknownOutcomeCountsAndOneWhereNobodyWasHomeDoesNot() {
            ContactAttempt.Builder earlier = ContactAttempt.builder().channel(Channel.VISIT).at(ny("2026-02-15T10:00"))
                    .recipient(Recipient.DEBTOR).place(Place.HOME).accountIds("A1")
                    .visit(new VisitDetails(1, true, false, false, false, false));
            assertThatDecision(ENGINE, in("US-MA", visit(NOON_10_MARCH, Place.HOME, OUTSIDE), earlier.build()).build())
                    .isDeniedBy("US-MA-VISIT-01");
            assertThatDecision(ENGINE, in("US-MA", visit(NOON_10_MARCH, Place.HOME, OUTSIDE),
                    earlier.outcome(Outcome.NOBODY_HOME).build()).build()).isAllowed();
        }

        @Test
        void visitOnTheThirtyFirstDateIsAllowed() {
            assertThatDecision(ENGINE, in("US-MA", visit(ny("2026-03-17T08:00"), Place.HOME, OUTSIDE), MET_15_FEBRUARY)
                    .build()).isAllowed();
        }

        @Test
        void enteringUninvitedAndVisitingWorkAreDenied() {
            assertThatDecision(ENGINE, in("US-MA", visit(NOON_10_MARCH, Place.HOME,
                    new VisitDetails(1, true, false, true, false, false))).build()).isDeniedBy("US-MA-VISIT-02");
            assertThatDecision(ENGINE, in("US-MA", visit(NOON_10_MARCH, Place.HOME,
                    new VisitDetails(1, true, false, true, true, false))).build()).isAllowed();
            assertThatDecision(ENGINE, in("US-MA", visit(NOON_10_MARCH, Place.WORK, OUTSIDE)).build())
                    .isDeniedBy("US-MA-VISIT-03");
        }
    }

    @Nested
    class Washington {

        static ContactAttempt reached(Instant at) {
            return to(MOBILE, Channel.CALL, at, Outcome.CONNECTED);
        }

        @Test
        void fourthCommunicationInAWeekIsDenied() {
            // Calls to the spouse count with the debtor's; texts count too; the federal conversation rule
            // is kept out of the way by conversations about account A1 with... the spouse, a different person.
            ContactAttempt spouse = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-04T10:00"))
                    .recipient(Recipient.SPOUSE).thirdPartyId("T-SPOUSE").contactPoint(HOME_PHONE).accountIds("A1")
                    .outcome(Outcome.CONNECTED).build();
            ContactAttempt text = to(MOBILE, Channel.SMS, ny("2026-03-05T10:00"), Outcome.DELIVERED);
            ContactAttempt email = to(UsFixtures.EMAIL, Channel.EMAIL, ny("2026-03-06T10:00"), Outcome.DELIVERED);
            Debtor consented = Debtor.builder("D1").zone("America/New_York")
                    .consent(Consent.electronic(ny("2026-03-01T10:00"), Channel.SMS, MOBILE.id())).build();
            ProposedAction sms = UsFixtures.contact(Channel.SMS, NOON_10_MARCH, MOBILE).build();
            assertThatDecision(ENGINE, in("US-WA", sms, consented, spouse, text, email).build())
                    .isDeniedBy("US-WA-FREQ-01").hasNextPermittedAt(ny("2026-03-11T08:00"));
            assertThatDecision(ENGINE, in("US-WA", sms, consented, text, email).build()).isAllowed();
        }

        @Test
        void secondCommunicationAtWorkInAWeekIsDenied() {
            ProposedAction work = call(NOON_10_MARCH).contactPoint(WORK_PHONE).build();
            assertThatDecision(ENGINE, in("US-WA", work, to(WORK_PHONE, Channel.CALL, ny("2026-03-04T10:00"),
                    Outcome.VOICEMAIL)).build()).isAllowed();
            ContactAttempt leftMessage = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-04T10:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(WORK_PHONE).accountIds("A1").outcome(Outcome.VOICEMAIL)
                    .messageLeft(true).build();
            assertThatDecision(ENGINE, in("US-WA", work, leftMessage).build()).isDeniedBy("US-WA-FREQ-02");
        }

        @Test
        void communicationMerelyLabelledResponseCountsInTheWeek() {
            ProposedAction work = call(NOON_10_MARCH).contactPoint(WORK_PHONE).purpose(Purpose.RESPONSE).build();
            ContactAttempt leftMessage = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-04T10:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(WORK_PHONE).accountIds("A1").outcome(Outcome.VOICEMAIL)
                    .messageLeft(true).build();
            assertThatDecision(ENGINE, in("US-WA", work, leftMessage).build()).isDeniedBy("US-WA-FREQ-02");
        }

        @Test
        void homeHoursStartAt0730ButTheFederal0800StillApplies() {
            Debtor seattle = Debtor.of("D1", "America/Los_Angeles");
            Instant at0729 = UsFixtures.at(UsFixtures.LOS_ANGELES, "2026-03-10T07:29");
            Instant at0730 = UsFixtures.at(UsFixtures.LOS_ANGELES, "2026-03-10T07:30");
            assertThatDecision(ENGINE, in("US-WA", call(at0729).contactPoint(HOME_PHONE).build(), seattle).build())
                    .isDeniedBy("US-REGF-HOURS-01", "US-WA-HOURS-01");
            assertThatDecision(ENGINE, in("US-WA", call(at0730).contactPoint(HOME_PHONE).build(), seattle).build())
                    .isDeniedBy("US-REGF-HOURS-01")
                    .hasNextPermittedAt(UsFixtures.at(UsFixtures.LOS_ANGELES, "2026-03-10T08:00"));
        }
    }

    @Nested
    class NewYorkCity {

        /** After 2026-09-01, the reported effective date of the amended 6 RCNY 5-77 (us.md, US-NYC-STATUS). */
        static final Instant NOON_10_OCTOBER = ny("2026-10-10T12:00");

        @Test
        void fourthContactOrAttemptAcrossChannelsIsDenied() {
            List<ContactAttempt> three = List.of(to(MOBILE, Channel.CALL, ny("2026-10-04T10:00"), Outcome.BUSY),
                    to(MOBILE, Channel.CALL, ny("2026-10-06T10:00"), Outcome.NO_ANSWER),
                    to(UsFixtures.EMAIL, Channel.EMAIL, ny("2026-10-08T10:00"), Outcome.DELIVERED));
            assertThatDecision(ENGINE, in("US-NYC", call(NOON_10_OCTOBER).build(), three.toArray(ContactAttempt[]::new))
                    .build()).isDeniedBy("US-NYC-FREQ-01").hasNextPermittedAt(ny("2026-10-11T08:00"));
            assertThatDecision(ENGINE, in("US-NYC", call(NOON_10_OCTOBER).build(), three.subList(1, 3)
                    .toArray(ContactAttempt[]::new)).build()).isAllowed();
        }

        @Test
        void contactMerelyLabelledResponseCountsUnlessTheDebtorStartedOne() {
            List<ContactAttempt> three = List.of(to(MOBILE, Channel.CALL, ny("2026-10-04T10:00"), Outcome.BUSY),
                    to(MOBILE, Channel.CALL, ny("2026-10-06T10:00"), Outcome.NO_ANSWER),
                    to(MOBILE, Channel.CALL, ny("2026-10-08T10:00"), Outcome.NO_ANSWER));
            ProposedAction labelled = call(NOON_10_OCTOBER).purpose(Purpose.RESPONSE).build();
            assertThatDecision(ENGINE, in("US-NYC", labelled, three.toArray(ContactAttempt[]::new)).build())
                    .isDeniedBy("US-NYC-FREQ-01");
            List<ContactAttempt> answered = new ArrayList<>(three);
            answered.add(ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-10-10T11:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1")
                    .initiatedBy(org.contactguard.core.model.Initiator.DEBTOR).outcome(Outcome.NO_ANSWER).build());
            assertThatDecision(ENGINE, in("US-NYC", labelled, answered.toArray(ContactAttempt[]::new)).build())
                    .isAllowed();
        }

        @Test
        void electronicContactNeedsWrittenConsent() {
            ProposedAction email = UsFixtures.contact(Channel.EMAIL, NOON_10_OCTOBER, UsFixtures.EMAIL).build();
            Debtor oral = Debtor.builder("D1").zone("America/New_York")
                    .consent(Consent.electronic(ny("2026-10-01T10:00"), Channel.EMAIL, UsFixtures.EMAIL.id())).build();
            assertThatDecision(ENGINE, in("US-NYC", email, oral).build()).isDeniedBy("US-NYC-ELEC-01");
            Debtor written = Debtor.builder("D1").zone("America/New_York").consent(new Consent(ConsentKind.ELECTRONIC,
                    ny("2026-10-01T10:00"), Channel.EMAIL, UsFixtures.EMAIL.id(), null, null, null, null, true)).build();
            assertThatDecision(ENGINE, in("US-NYC", email, written).build()).isAllowed();
        }

        @Test
        void writtenConsentWithoutAnAccountCoversSocialMediaMessages() {
            ProposedAction dm = ProposedAction.builder().channel(Channel.SOCIAL_MEDIA).at(NOON_10_OCTOBER)
                    .recipient(Recipient.DEBTOR).accountIds("A1").build();
            assertThatDecision(ENGINE, in("US-NYC", dm).build()).isDeniedBy("US-NYC-ELEC-01");
            Debtor written = Debtor.builder("D1").zone("America/New_York").consent(new Consent(ConsentKind.ELECTRONIC,
                    ny("2026-10-01T10:00"), Channel.SOCIAL_MEDIA, null, null, null, null, null, true)).build();
            assertThatDecision(ENGINE, in("US-NYC", dm, written).build()).isAllowed();
        }
    }

    @Nested
    class California {

        @Test
        void creditorsEighthCallIsUnreasonablyFrequent() {
            List<ContactAttempt> seven = new ArrayList<>(UsFixtures.dailyCalls("2026-03-10", 7, Outcome.NO_ANSWER));
            assertThatDecision(ENGINE, in("US-CA", call(NOON_10_MARCH).build(), seven.toArray(ContactAttempt[]::new))
                    .collector(CREDITOR).build()).isDeniedBy("US-CA-FREQ-01").hasNextPermittedAt(ny("2026-03-11T08:00"));
            assertThatDecision(ENGINE, in("US-CA", call(NOON_10_MARCH).build(), seven.subList(1, 7)
                    .toArray(ContactAttempt[]::new)).collector(CREDITOR).build()).isAllowed();
            assertThatDecision(ENGINE, in("US-CA", call(NOON_10_MARCH).build(), seven.toArray(ContactAttempt[]::new))
                    .build()).isDeniedBy("US-REGF-FREQ-01");
        }

        @Test
        void writtenOrDigitalMessageWithoutTheLicenseNumberIsFlagged() {
            ProposedAction letter = ProposedAction.builder().channel(Channel.LETTER).at(NOON_10_MARCH)
                    .recipient(Recipient.DEBTOR).accountIds("A1").content("Your balance is past due.").build();
            assertThatDecision(ENGINE, in("US-CA", letter).build()).isAllowed().hasAdvisory("US-CA-LICENSE-01");
            ProposedAction licensed = ProposedAction.builder().channel(Channel.LETTER).at(NOON_10_MARCH)
                    .recipient(Recipient.DEBTOR).accountIds("A1")
                    .content("Your balance is past due. California License No. 10123-99.").build();
            assertThatDecision(ENGINE, in("US-CA", licensed).build()).isAllowed().isNotFlaggedBy("US-CA-LICENSE-01");
            assertThatDecision(ENGINE, in("US", letter).build()).isAllowed().isNotFlaggedBy("US-CA-LICENSE-01");
        }

        @Test
        void creditorWithNoKnownZoneIsDeniedByCaliforniaHours() {
            Debtor nowhere = Debtor.of("D1");
            assertThatDecision(ENGINE, in("US-CA", call(NOON_10_MARCH).build(), nowhere).collector(CREDITOR).build())
                    .isDeniedBy("US-CA-HOURS-01").hasNoNextPermittedAt();
            assertThatDecision(ENGINE, in("US-CA", call(NOON_10_MARCH).build()).collector(CREDITOR).build())
                    .isAllowed();
        }

        @Test
        void callWithoutIdentityIsDeniedForCreditorsToo() {
            assertThatDecision(ENGINE, in("US-CA", call(NOON_10_MARCH).identifiesCaller(false).build())
                    .collector(CREDITOR).build()).isDeniedBy("US-CA-ID-01");
            assertThatDecision(ENGINE, in("US-CA", call(NOON_10_MARCH).identifiesCaller(false).build()).build())
                    .isDeniedBy("US-REGF-ID-01", "US-CA-ID-01");
        }
    }

    @Test
    void everyOverlayDeclaresItsBaseAndJurisdiction() {
        var overlays = ENGINE.rules().selection().overlays();
        for (String id : List.of("us-ma", "us-wa", "us-nyc", "us-ca")) {
            assertEquals("us-regf", overlays.get(id).base(), id);
            assertTrue(ENGINE.rules().selection().overlayJurisdictions().get("us-regf")
                    .containsAll(overlays.get(id).jurisdictions()), id);
        }
        assertTrue(Collector.defaultCollector().kind() != CREDITOR.kind());
    }
}
