package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.EMAIL;
import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.MOBILE;
import static org.contactguard.catalog.us.UsFixtures.WORK_EMAIL;
import static org.contactguard.catalog.us.UsFixtures.WORK_PHONE;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.contact;
import static org.contactguard.catalog.us.UsFixtures.debtorCalled;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.catalog.us.UsFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
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
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.Visibility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Attorney, cease, workplace, medium opt-out, electronic consent, social media, third parties, identity. */
class UsRegfRestrictionsTest {

    static final Instant TUESDAY_10AM = ny("2026-03-10T10:00");

    static Debtor with(Restriction... restrictions) {
        Debtor.Builder b = Debtor.builder("D1").zone("America/New_York");
        for (Restriction r : restrictions) {
            b.restriction(r);
        }
        return b.build();
    }

    static Debtor consenting(Consent... consents) {
        Debtor.Builder b = Debtor.builder("D1").zone("America/New_York");
        for (Consent c : consents) {
            b.consent(c);
        }
        return b.build();
    }

    static ProposedAction.Builder toThirdParty(String id, Recipient relation, Purpose purpose) {
        return call(TUESDAY_10AM).recipient(relation).thirdPartyId(id).contactPoint(UsFixtures.HOME_PHONE)
                .purpose(purpose);
    }

    @Nested
    class Attorney {

        @Test
        void knownAttorneyDeniesContactWithTheDebtor() {
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(),
                    with(Restriction.attorneyRepresented(ny("2026-03-01T00:00"), true)), List.of()).build())
                    .isDeniedBy("US-REGF-ATTY-01").hasNoNextPermittedAt();
        }

        @Test
        void attorneyWhoseNameAndAddressAreUnknownDoesNotDeny() {
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(),
                    with(Restriction.attorneyRepresented(ny("2026-03-01T00:00"), false)), List.of()).build())
                    .isAllowed();
        }

        @Test
        void theAttorneyMayBeContacted() {
            assertThatDecision(ENGINE, request(toThirdParty("T-ATTORNEY", Recipient.ATTORNEY, Purpose.COLLECTION).build(),
                    with(Restriction.attorneyRepresented(ny("2026-03-01T00:00"), true)), List.of()).build())
                    .isAllowed();
        }

        @Test
        void theSpouseIsTheConsumerAndCoveredToo() {
            assertThatDecision(ENGINE, request(toThirdParty("T-SPOUSE", Recipient.SPOUSE, Purpose.COLLECTION).build(),
                    with(Restriction.attorneyRepresented(ny("2026-03-01T00:00"), true)), List.of()).build())
                    .isDeniedBy("US-REGF-ATTY-01");
        }
    }

    @Nested
    class Cease {

        @Test
        void writtenCeaseDeniesCollection() {
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(),
                    with(Restriction.cease(ny("2026-03-01T00:00"), true)), List.of()).build())
                    .isDeniedBy("US-REGF-CEASE-01");
        }

        @Test
        void oralCeaseIsNotA1006Point6cRequest() {
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(),
                    with(Restriction.cease(ny("2026-03-01T00:00"), false)), List.of()).build()).isAllowed();
        }

        @Test
        void terminationAndRemedyNoticesStayAllowed() {
            for (Purpose purpose : List.of(Purpose.TERMINATION_NOTICE, Purpose.REMEDY_NOTICE)) {
                ProposedAction letter = ProposedAction.builder().channel(Channel.LETTER).at(TUESDAY_10AM)
                        .recipient(Recipient.DEBTOR).accountIds("A1").purpose(purpose).build();
                assertThatDecision(ENGINE, request(letter, with(Restriction.cease(ny("2026-03-01T00:00"), true)),
                        List.of()).build()).isAllowed();
            }
        }

        @Test
        void aMinorsWrittenCeaseStopsCallsToTheParentTooBecauseTheParentIsTheConsumer() {
            var parent = new org.contactguard.core.model.ThirdParty("T-PARENT", Recipient.PARENT_OF_MINOR, false, null,
                    false);
            Debtor minorWhoCeased = Debtor.builder("D1").zone("America/New_York").minor(true)
                    .restriction(Restriction.cease(ny("2026-03-01T00:00"), true)).build();
            ProposedAction toParent = toThirdParty("T-PARENT", Recipient.PARENT_OF_MINOR, Purpose.COLLECTION).build();
            assertThatDecision(ENGINE, request(toParent, minorWhoCeased, List.of()).thirdParty(parent).build())
                    .isDeniedBy("US-REGF-CEASE-01");
        }

        @Test
        void anAdultsWrittenCeaseIsNotTheParentsSoCeaseDoesNotDenyTheCallToTheParent() {
            var parent = new org.contactguard.core.model.ThirdParty("T-PARENT", Recipient.PARENT_OF_MINOR, false, null,
                    false);
            Debtor adultWhoCeased = Debtor.builder("D1").zone("America/New_York")
                    .restriction(Restriction.cease(ny("2026-03-01T00:00"), true)).build();
            ProposedAction toParent = toThirdParty("T-PARENT", Recipient.PARENT_OF_MINOR, Purpose.COLLECTION).build();
            // Still denied, as a third-party contact without consent (TP-01), but not as the consumer's cease.
            assertThatDecision(ENGINE, request(toParent, adultWhoCeased, List.of()).thirdParty(parent).build())
                    .isDeniedBy("US-REGF-TP-01");
        }

        @Test
        void ceaseWithAnEndAllowsFromItsEnd() {
            Restriction until = new Restriction(RestrictionKind.CEASE_COMMUNICATION, ny("2026-03-01T00:00"),
                    ny("2026-03-10T12:00"), true, false, null, null, null, null, null, null);
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(), with(until), List.of()).build())
                    .isDeniedBy("US-REGF-CEASE-01").hasNextPermittedAt(ny("2026-03-10T12:00"));
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T12:00")).build(), with(until), List.of()).build())
                    .isAllowed();
        }
    }

    @Nested
    class Workplace {

        @Test
        void callToTheWorkNumberIsDeniedWhenTheEmployerProhibitsIt() {
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).contactPoint(WORK_PHONE).build(),
                    with(Restriction.of(RestrictionKind.EMPLOYER_PROHIBITS)), List.of()).build())
                    .isDeniedBy("US-REGF-WORK-01");
        }

        @Test
        void callToTheMobileIsAllowedWhenTheEmployerProhibitsWorkCalls() {
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(),
                    with(Restriction.of(RestrictionKind.EMPLOYER_PROHIBITS)), List.of()).build()).isAllowed();
        }

        @Test
        void emailToAnEmployerProvidedAddressIsDeniedUntilTheDebtorUsesIt() {
            ProposedAction email = contact(Channel.EMAIL, TUESDAY_10AM, WORK_EMAIL).build();
            Debtor consented = consenting(Consent.electronic(ny("2026-03-01T00:00"), Channel.EMAIL, WORK_EMAIL.id()));
            assertThatDecision(ENGINE, request(email, consented, List.of()).build()).isDeniedBy("US-REGF-WORK-02");
            ContactAttempt used = ContactAttempt.builder().channel(Channel.EMAIL).at(ny("2026-03-09T10:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(WORK_EMAIL).accountIds("A1")
                    .initiatedBy(Initiator.DEBTOR).outcome(Outcome.DELIVERED).build();
            assertThatDecision(ENGINE, request(email, consented, List.of(used)).build()).isAllowed();
        }
    }

    @Nested
    class MediumOptOut {

        static final Debtor NO_CALLS = with(Restriction.optOut(Channel.CALL, null));

        @Test
        void callAfterACallOptOutIsDenied() {
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(), NO_CALLS, List.of()).build())
                    .isDeniedBy("US-REGF-MEDIUM-01");
        }

        @Test
        void optOutOfOneNumberLeavesTheOthers() {
            Debtor notMobile = with(Restriction.optOut(Channel.CALL, MOBILE.id()));
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(), notMobile, List.of()).build())
                    .isDeniedBy("US-REGF-MEDIUM-01");
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).contactPoint(UsFixtures.HOME_PHONE).build(), notMobile,
                    List.of()).build()).isAllowed();
        }

        @Test
        void oneResponseToTheDebtorsCallInThatMediumIsAllowed() {
            ContactAttempt debtorCalled = debtorCalled(ny("2026-03-10T09:00"), Outcome.NO_ANSWER);
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).purpose(Purpose.RESPONSE).build(), NO_CALLS,
                    List.of(debtorCalled)).build()).isAllowed();
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).build(), NO_CALLS, List.of(debtorCalled)).build())
                    .isDeniedBy("US-REGF-MEDIUM-01");
        }
    }

    @Nested
    class Electronic {

        static final Instant CONSENT_AT = ny("2026-01-09T10:00");

        @Test
        void textWithConsentExactlySixtyDaysOldIsAllowed() {
            Instant at = CONSENT_AT.plus(Duration.ofDays(60));
            assertThatDecision(ENGINE, request(contact(Channel.SMS, at, MOBILE).build(),
                    consenting(Consent.electronic(CONSENT_AT, Channel.SMS, MOBILE.id())), List.of()).build()).isAllowed();
        }

        @Test
        void textWithConsentOlderThanSixtyDaysIsDenied() {
            Instant at = CONSENT_AT.plus(Duration.ofDays(60)).plusSeconds(60);
            assertThatDecision(ENGINE, request(contact(Channel.SMS, at, MOBILE).build(),
                    consenting(Consent.electronic(CONSENT_AT, Channel.SMS, MOBILE.id())), List.of()).build())
                    .isDeniedBy("US-REGF-SMS-01");
        }

        @Test
        void renewedConsentIsFreshAgain() {
            Consent renewed = new Consent(ConsentKind.ELECTRONIC, CONSENT_AT, Channel.SMS, MOBILE.id(), null,
                    ny("2026-03-01T10:00"), null, null, false);
            assertThatDecision(ENGINE, request(contact(Channel.SMS, TUESDAY_10AM, MOBILE).build(), consenting(renewed),
                    List.of()).build()).isAllowed();
        }

        @Test
        void textWithoutConsentIsDeniedUnlessTheDebtorTextedFromTheNumber() {
            assertThatDecision(ENGINE, request(contact(Channel.SMS, TUESDAY_10AM, MOBILE).build()).build())
                    .isDeniedBy("US-REGF-SMS-01");
            ContactAttempt texted = ContactAttempt.builder().channel(Channel.SMS).at(ny("2026-03-09T10:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1").initiatedBy(Initiator.DEBTOR)
                    .outcome(Outcome.DELIVERED).build();
            assertThatDecision(ENGINE, request(contact(Channel.SMS, TUESDAY_10AM, MOBILE).build(), texted).build())
                    .isAllowed();
        }

        @Test
        void emailNeedsConsentOrUseButNoRenewal() {
            assertThatDecision(ENGINE, request(contact(Channel.EMAIL, TUESDAY_10AM, EMAIL).build()).build())
                    .isDeniedBy("US-REGF-EMAIL-01");
            assertThatDecision(ENGINE, request(contact(Channel.EMAIL, TUESDAY_10AM, EMAIL).build(),
                    consenting(Consent.electronic(ny("2025-01-01T10:00"), Channel.EMAIL, EMAIL.id())), List.of())
                    .build()).isAllowed();
        }

        @Test
        void textOrEmailToTheSpouseNeedsConsentOrTheSpousesOwnUse() {
            ContactPoint spouseMobile = ContactPoint.of("P-SPOUSE", ContactPointKind.MOBILE);
            ContactPoint spouseEmail = ContactPoint.of("E-SPOUSE", ContactPointKind.EMAIL);
            ProposedAction text = ProposedAction.builder().channel(Channel.SMS).at(TUESDAY_10AM).recipient(Recipient.SPOUSE)
                    .thirdPartyId("T-SPOUSE").contactPoint(spouseMobile).accountIds("A1").build();
            ProposedAction email = ProposedAction.builder().channel(Channel.EMAIL).at(TUESDAY_10AM)
                    .recipient(Recipient.SPOUSE).thirdPartyId("T-SPOUSE").contactPoint(spouseEmail).accountIds("A1")
                    .build();
            assertThatDecision(ENGINE, request(text).build()).isDeniedBy("US-REGF-SMS-01");
            assertThatDecision(ENGINE, request(email).build()).isDeniedBy("US-REGF-EMAIL-01");
            assertThatDecision(ENGINE, request(text, consenting(Consent.electronic(ny("2026-03-01T10:00"), Channel.SMS,
                    spouseMobile.id())), List.of()).build()).isAllowed();
            ContactAttempt spouseTexted = ContactAttempt.builder().channel(Channel.SMS).at(ny("2026-03-09T10:00"))
                    .recipient(Recipient.SPOUSE).thirdPartyId("T-SPOUSE").contactPoint(spouseMobile).accountIds("A1")
                    .initiatedBy(Initiator.THIRD_PARTY).outcome(Outcome.DELIVERED).build();
            assertThatDecision(ENGINE, request(text, spouseTexted).build()).isAllowed();
        }

        @Test
        void publicSocialMediaPostIsDeniedAndAPrivateMessageIsNot() {
            ProposedAction post = ProposedAction.builder().channel(Channel.SOCIAL_MEDIA).at(TUESDAY_10AM)
                    .recipient(Recipient.DEBTOR).accountIds("A1").visibility(Visibility.PUBLIC).build();
            assertThatDecision(ENGINE, request(post).build()).isDeniedBy("US-REGF-SOCIAL-01");
            ProposedAction message = ProposedAction.builder().channel(Channel.SOCIAL_MEDIA).at(TUESDAY_10AM)
                    .recipient(Recipient.DEBTOR).accountIds("A1").visibility(Visibility.PRIVATE).build();
            assertThatDecision(ENGINE, request(message).build()).isAllowed();
        }
    }

    @Nested
    class ThirdParties {

        @Test
        void collectingFromANeighbourIsDenied() {
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.COLLECTION)
                    .build()).build()).isDeniedBy("US-REGF-TP-01");
        }

        @Test
        void theSpouseIsTheConsumer() {
            assertThatDecision(ENGINE, request(toThirdParty("T-SPOUSE", Recipient.SPOUSE, Purpose.COLLECTION).build())
                    .build()).isAllowed();
        }

        @Test
        void aParentIsTheConsumerOnlyWhenTheDebtorIsAMinor() {
            var parent = new org.contactguard.core.model.ThirdParty("T-PARENT", Recipient.PARENT_OF_MINOR, false, null,
                    false);
            ProposedAction action = toThirdParty("T-PARENT", Recipient.PARENT_OF_MINOR, Purpose.COLLECTION).build();
            assertThatDecision(ENGINE, request(action).thirdParty(parent).build()).isDeniedBy("US-REGF-TP-01");
            Debtor minor = Debtor.builder("D1").zone("America/New_York").minor(true).build();
            assertThatDecision(ENGINE, request(action, minor, List.of()).thirdParty(parent).build()).isAllowed();
        }

        @Test
        void consentToContactAThirdPartyAllowsIt() {
            Debtor consented = consenting(new Consent(ConsentKind.THIRD_PARTY_CONTACT, ny("2026-03-01T00:00"), null,
                    null, null, null, null, null, true));
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.COLLECTION)
                    .build(), consented, List.of()).build()).isAllowed();
        }

        static final ContactAttempt ASKED_NEIGHBOUR_ONCE = ContactAttempt.builder().channel(Channel.CALL)
                .at(ny("2026-02-10T10:00")).recipient(Recipient.NEIGHBOUR).thirdPartyId("T-NEIGHBOUR")
                .contactPoint(UsFixtures.HOME_PHONE).accountIds("A1").purpose(Purpose.LOCATION_INFO)
                .outcome(Outcome.CONNECTED).build();

        @Test
        void firstLocationContactIsAllowed() {
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .build()).build()).isAllowed();
        }

        @Test
        void secondLocationContactWithTheSamePersonIsDenied() {
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .build(), ASKED_NEIGHBOUR_ONCE).build()).isDeniedBy("US-REGF-LOC-02");
        }

        @Test
        void secondLocationContactIsAllowedWhenThePersonAskedForIt() {
            ContactAttempt once = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-02-10T10:00"))
                    .recipient(Recipient.NEIGHBOUR).thirdPartyId("T-ASKED").contactPoint(UsFixtures.HOME_PHONE)
                    .accountIds("A1").purpose(Purpose.LOCATION_INFO).outcome(Outcome.CONNECTED).build();
            assertThatDecision(ENGINE, request(toThirdParty("T-ASKED", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .build(), once).build()).isAllowed();
        }

        @Test
        void aRequestToBeContactedAgainOpensOneFurtherContactNotAnyNumber() {
            List<ContactAttempt> twice = new java.util.ArrayList<>();
            for (String day : List.of("2026-02-10T10:00", "2026-02-12T10:00")) {
                twice.add(ContactAttempt.builder().channel(Channel.CALL).at(ny(day)).recipient(Recipient.NEIGHBOUR)
                        .thirdPartyId("T-ASKED").contactPoint(UsFixtures.HOME_PHONE).accountIds("A1")
                        .purpose(Purpose.LOCATION_INFO).outcome(Outcome.CONNECTED).build());
            }
            assertThatDecision(ENGINE, request(toThirdParty("T-ASKED", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .build(), twice.toArray(ContactAttempt[]::new)).build()).isDeniedBy("US-REGF-LOC-02");
        }

        @Test
        void anUnreachedLocationAttemptIsNotAContact() {
            ContactAttempt rangOut = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-02-10T10:00"))
                    .recipient(Recipient.NEIGHBOUR).thirdPartyId("T-NEIGHBOUR").contactPoint(UsFixtures.HOME_PHONE)
                    .accountIds("A1").purpose(Purpose.LOCATION_INFO).outcome(Outcome.NO_ANSWER).build();
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .build(), rangOut).build()).isAllowed();
        }

        @Test
        void locationContactThatRevealsTheDebtIsDenied() {
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .disclosesDebt(true).build()).build()).isDeniedBy("US-REGF-LOC-01");
        }

        @Test
        void locationContactWhoseScriptMentionsTheDebtIsDeniedEvenWithoutTheFlag() {
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .content("Hi, this is Sam from ACME about John's past-due account; where can we reach him?").build())
                    .build()).isDeniedBy("US-REGF-LOC-01").hasMessageContaining("US-REGF-LOC-01", "past due");
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .content("Hi, this is Sam; I am confirming John's address and phone number. Shopping at Lowes?")
                    .build()).build()).isAllowed();
        }

        @Test
        void locationContactWhileAKnownAttorneyRepresentsTheDebtorIsDenied() {
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .build(), with(Restriction.attorneyRepresented(null, true)), List.of()).build())
                    .isDeniedBy("US-REGF-LOC-03");
        }

        @Test
        void callWithoutIdentifyingTheCallerIsDenied() {
            assertThatDecision(ENGINE, request(call(TUESDAY_10AM).identifiesCaller(false).build()).build())
                    .isDeniedBy("US-REGF-ID-01");
            assertThatDecision(ENGINE, request(toThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, Purpose.LOCATION_INFO)
                    .identifiesCaller(false).build()).build()).isAllowed();
        }
    }
}
