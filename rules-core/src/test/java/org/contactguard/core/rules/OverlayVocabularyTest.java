package org.contactguard.core.rules;

import static org.contactguard.core.rules.RulesFixtures.MOBILE;
import static org.contactguard.core.rules.RulesFixtures.call;
import static org.contactguard.core.rules.RulesFixtures.newYork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The facts and measure clauses the state overlays read: GoverningLaw, the filter clauses, ActionInitiative, WorkContactRequest. */
class OverlayVocabularyTest {

    static final Instant NOON = newYork("2026-03-10T12:00");
    static final Account MA = Account.of("A-MA", Product.CREDIT_CARD, "US-MA", 60);
    static final Account FEDERAL = Account.of("A-US", Product.CREDIT_CARD, "US", 60);
    static final Debtor NOWHERE = Debtor.builder("D1").zone("America/New_York").build();
    static final Debtor IN_MASSACHUSETTS = Debtor.builder("D1").zone("America/New_York").jurisdiction("US-MA").build();

    static ProposedAction callAbout(String... accounts) {
        return ProposedAction.builder().channel(Channel.CALL).at(NOON).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accounts).build();
    }

    @Nested
    class WhichAccountsAStatesLawGoverns {

        @Test
        void anAccountInTheStateIsGovernedAndAFederalOneIsNot() {
            assertEquals(List.of(new GoverningLaw("US-MA", "A-MA", false)),
                    GoverningLaw.of(List.of("US-MA"), callAbout("A-US", "A-MA"), NOWHERE, List.of(FEDERAL, MA)));
        }

        @Test
        void aDebtorLivingInTheStateBringsEveryAccountUnderItsLaw() {
            assertEquals(List.of(new GoverningLaw("US-MA", "A-US", true), new GoverningLaw("US-MA", "A-MA", false)),
                    GoverningLaw.of(List.of("US-MA"), callAbout("A-US", "A-MA"), IN_MASSACHUSETTS, List.of(FEDERAL, MA)));
        }

        @Test
        void aCityStacksOnItsState() {
            Account nyc = Account.of("A-NYC", Product.CREDIT_CARD, "US-NYC", 60);
            assertEquals(1, GoverningLaw.of(List.of("US-NY"), callAbout("A-NYC"), NOWHERE, List.of(nyc)).size());
            assertTrue(GoverningLaw.of(List.of("US-NYC"), callAbout("A-NYC"), NOWHERE,
                    List.of(Account.of("A-NYC", Product.CREDIT_CARD, "US-NY", 60))).isEmpty());
        }
    }

    @Nested
    class JurisdictionClause {

        static final Measure CALLS_UNDER_MA = new Measure("maCalls", Channel.CALL, null, null, false, null,
                Measure.Per.ACCOUNT, null, 7, 2, new MeasureFilter(Set.of(), Set.of(), List.of(), Set.of(), false, false,
                        false, Set.of(), "US-MA"));

        @Test
        void onlyTheGovernedAccountsGetATally() {
            ContactHistory history = ContactHistory.of(NOON, List.of(call(NOON.minusSeconds(3600), Outcome.CONNECTED,
                    "A-MA", "A-US").build()));
            List<Tally> tallies = CALLS_UNDER_MA.tally(callAbout("A-US", "A-MA"), NOWHERE, List.of(FEDERAL, MA), history);
            assertEquals(List.of("A-MA"), tallies.stream().map(Tally::subject).toList());
            List<Tally> resident = CALLS_UNDER_MA.tally(callAbout("A-US", "A-MA"), IN_MASSACHUSETTS,
                    List.of(FEDERAL, MA), history);
            assertEquals(List.of("A-US", "A-MA"), resident.stream().map(Tally::subject).toList());
        }

        @Test
        void aPerDebtorTallyExistsOnlyWhenTheLawGovernsAnAccountOfTheAction() {
            Measure perDebtor = new Measure("maCalls", Channel.CALL, null, null, false, null, Measure.Per.DEBTOR, null, 7, 2,
                    CALLS_UNDER_MA.filter());
            ContactHistory empty = ContactHistory.of(NOON, List.of());
            assertTrue(perDebtor.tally(callAbout("A-US"), NOWHERE, List.of(FEDERAL, MA), empty).isEmpty());
            assertEquals(1, perDebtor.tally(callAbout("A-MA"), NOWHERE, List.of(FEDERAL, MA), empty).size());
        }
    }

    @Nested
    class FilterClauses {

        static MeasureFilter filter(MeasureFilter.OutcomeClause... outcomes) {
            return new MeasureFilter(Set.of(), Set.of(), List.of(outcomes), Set.of(), false, false, false, Set.of(), null);
        }

        static final ContactHistory NONE = ContactHistory.of(NOON, List.of());

        static ContactAttempt.Builder text(Outcome outcome) {
            return ContactAttempt.builder().channel(Channel.SMS).at(NOON.minusSeconds(60)).recipient(Recipient.DEBTOR)
                    .contactPoint(MOBILE).accountIds("A1").outcome(outcome);
        }

        @Test
        void anOutcomeClauseForOneChannelLeavesTheOtherChannelsAlone() {
            MeasureFilter textsUnlessFailed = filter(new MeasureFilter.OutcomeClause(Channel.SMS, true,
                    EnumSet.of(Outcome.FAILED, Outcome.NOT_IN_SERVICE), false, false, false));
            assertFalse(textsUnlessFailed.accepts(text(Outcome.FAILED).build(), NONE));
            assertTrue(textsUnlessFailed.accepts(text(Outcome.BUSY).build(), NONE));
            assertTrue(textsUnlessFailed.accepts(text(null).build(), NONE));
            assertTrue(textsUnlessFailed.accepts(call(NOON.minusSeconds(60), Outcome.FAILED, "A1").build(), NONE));
        }

        @Test
        void unknownAndMessageLeftAreOutcomesAClauseCanList() {
            MeasureFilter reached = filter(new MeasureFilter.OutcomeClause(null, false, EnumSet.of(Outcome.CONNECTED), true,
                    true, false));
            assertTrue(reached.accepts(call(NOON.minusSeconds(60), null, "A1").build(), NONE));
            assertTrue(reached.accepts(call(NOON.minusSeconds(60), Outcome.VOICEMAIL, "A1").messageLeft(true).build(), NONE));
            assertFalse(reached.accepts(call(NOON.minusSeconds(60), Outcome.VOICEMAIL, "A1").build(), NONE));
        }

        @Test
        void contactPointKindsNeedAContactPointOnEitherSide() {
            Set<ContactPointKind> personal = EnumSet.of(ContactPointKind.MOBILE, ContactPointKind.HOME_PHONE);
            MeasureFilter toPersonal = new MeasureFilter(Set.of(), Set.of(), List.of(), personal, false, false, false,
                    Set.of(), null);
            MeasureFilter toOther = new MeasureFilter(Set.of(), Set.of(), List.of(), personal, true, false, false,
                    Set.of(), null);
            ContactAttempt work = call(NOON.minusSeconds(60), Outcome.CONNECTED, "A1")
                    .contactPoint(ContactPoint.of("W", ContactPointKind.WORK_PHONE)).build();
            ContactAttempt letter = ContactAttempt.builder().channel(Channel.LETTER).at(NOON.minusSeconds(60))
                    .recipient(Recipient.DEBTOR).accountIds("A1").build();
            assertFalse(toPersonal.accepts(work, NONE));
            assertTrue(toOther.accepts(work, NONE));
            assertFalse(toPersonal.accepts(letter, NONE));
            assertFalse(toOther.accepts(letter, NONE));
        }

        @Test
        void unpromptedLeavesOutTheReplyToTheDebtorButNotAContactMerelyLabelledAReply() {
            MeasureFilter unprompted = new MeasureFilter(Set.of(), Set.of(), List.of(), Set.of(), false, false, true,
                    Set.of(), null);
            ContactAttempt debtorCalled = call(NOON.minusSeconds(7200), Outcome.CONNECTED, "A1")
                    .initiatedBy(Initiator.DEBTOR).build();
            ContactAttempt reply = call(NOON.minusSeconds(3600), Outcome.CONNECTED, "A1").purpose(Purpose.RESPONSE).build();
            assertFalse(unprompted.accepts(reply, ContactHistory.of(NOON, List.of(debtorCalled, reply))));
            assertTrue(unprompted.accepts(reply, ContactHistory.of(NOON, List.of(reply))));
            assertFalse(unprompted.accepts(debtorCalled, ContactHistory.of(NOON, List.of(debtorCalled))));
        }
    }

    @Nested
    class Initiative {

        @Test
        void aReplyAfterTheDebtorsCallAnswersItAndOneWithoutItDoesNot() {
            ProposedAction reply = ProposedAction.builder().channel(Channel.CALL).at(NOON).recipient(Recipient.DEBTOR)
                    .contactPoint(MOBILE).accountIds("A1").purpose(Purpose.RESPONSE).build();
            ContactAttempt debtorCalled = call(NOON.minusSeconds(3600), Outcome.CONNECTED, "A1")
                    .initiatedBy(Initiator.DEBTOR).build();
            assertTrue(ActionInitiative.of(reply, ContactHistory.of(NOON, List.of(debtorCalled))).answersDebtorContact());
            assertFalse(ActionInitiative.of(reply, ContactHistory.of(NOON, List.of())).answersDebtorContact());
        }
    }

    @Nested
    class WorkRequest {

        @Test
        void anOralRequestIsMeasuredFromItsStartAndItsConfirmation() {
            Instant since = NOON.minus(Duration.ofDays(3));
            Restriction oral = new Restriction(RestrictionKind.NO_CONTACT_AT_WORK, since, null, false, false, null, null,
                    null, null, null, NOON.minus(Duration.ofDays(1)), false, null, null, false, List.of());
            WorkContactRequest request = WorkContactRequest.of(NOON, RestrictionInForce.at(NOON, List.of(oral))).get(0);
            assertEquals(Duration.ofDays(3), request.age());
            assertEquals(Duration.ofDays(2), request.confirmedAfter());
            assertTrue(request.confirmedBeforeMoment());
        }

        @Test
        void aRequestWithNoStartHasNoAgeAndOtherRestrictionsAreNoWorkRequests() {
            Restriction undated = Restriction.noContactAtWork(false, null);
            Restriction cease = Restriction.of(RestrictionKind.CEASE_COMMUNICATION);
            List<WorkContactRequest> requests = WorkContactRequest.of(NOON, RestrictionInForce.at(NOON,
                    List.of(undated, cease)));
            assertEquals(1, requests.size());
            assertNull(requests.get(0).age());
            assertNull(requests.get(0).confirmedAfter());
        }
    }
}
