package org.contactguard.core.rules;

import static org.contactguard.core.rules.RulesFixtures.EIGHT;
import static org.contactguard.core.rules.RulesFixtures.EMAIL;
import static org.contactguard.core.rules.RulesFixtures.MOBILE;
import static org.contactguard.core.rules.RulesFixtures.NEW_YORK;
import static org.contactguard.core.rules.RulesFixtures.NINE_PM;
import static org.contactguard.core.rules.RulesFixtures.newYork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
import org.contactguard.core.model.ThirdParty;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ConsentInForce, ResponseToDebtor, ContactPointUse and LocationContacts, and Contact.placeReached. */
class ConsumerFactsTest {

    static final Instant NOON = newYork("2026-03-10T12:00");
    static final ContactPoint WORK = ContactPoint.of("W1", ContactPointKind.WORK_PHONE);

    static ContactAttempt.Builder debtorStarted(Channel channel, Instant at, ContactPoint point) {
        return ContactAttempt.builder().channel(channel).at(at).recipient(Recipient.DEBTOR).contactPoint(point)
                .accountIds("A1").initiatedBy(Initiator.DEBTOR).outcome(Outcome.CONNECTED);
    }

    static ProposedAction response(Channel channel, Instant at, ContactPoint point) {
        return ProposedAction.builder().channel(channel).at(at).recipient(Recipient.DEBTOR).contactPoint(point)
                .accountIds("A1").purpose(Purpose.RESPONSE).build();
    }

    @Nested
    class Consents {

        @Test
        void aConsentCountsFromItsGivenMomentUntilItsEndAndItsAgeFromTheLastRenewal() {
            Consent consent = new Consent(ConsentKind.ELECTRONIC, NOON.minus(Duration.ofDays(90)), Channel.SMS, "P1",
                    NOON.plusSeconds(60), NOON.minus(Duration.ofDays(10)), null, null, false);
            assertEquals(List.of(), ConsentInForce.at(NOON.minus(Duration.ofDays(91)), List.of(consent)));
            assertEquals(Duration.ofDays(10), ConsentInForce.at(NOON, List.of(consent)).get(0).age());
            assertEquals(List.of(), ConsentInForce.at(NOON.plusSeconds(60), List.of(consent)));
        }

        @Test
        void aConsentNamesOnlyItsOwnNumber() {
            ConsentInForce consent = ConsentInForce.at(NOON, List.of(Consent.electronic(NOON.minusSeconds(1), Channel.SMS,
                    "P1"))).get(0);
            assertTrue(consent.names(MOBILE));
            assertFalse(consent.names(EMAIL));
            assertFalse(consent.names(null));
        }
    }

    @Nested
    class Responses {

        @Test
        void aResponseAnswersTheDebtorsLatestContactInItsChannelUntilTheCollectorUsesThatChannel() {
            Instant debtorCalled = NOON.minus(Duration.ofHours(2));
            List<ContactAttempt> history = List.of(debtorStarted(Channel.CALL, debtorCalled, MOBILE).build());
            ResponseToDebtor answer = ResponseToDebtor.of(response(Channel.CALL, NOON, MOBILE),
                    ContactHistory.of(NOON, history), List.of(NEW_YORK));
            assertEquals(debtorCalled, answer.debtorContactAt());
            List<ContactAttempt> answered = List.of(history.get(0), RulesFixtures.call(debtorCalled.plusSeconds(60),
                    Outcome.CONNECTED, "A1").build());
            assertNull(ResponseToDebtor.of(response(Channel.CALL, NOON, MOBILE), ContactHistory.of(NOON, answered),
                    List.of(NEW_YORK)));
        }

        @Test
        void aContactLabelledResponseWithNothingToAnswerOrInAnotherChannelHasNoFact() {
            List<ContactAttempt> history = List.of(debtorStarted(Channel.EMAIL, NOON.minusSeconds(60), EMAIL).build());
            assertNull(ResponseToDebtor.of(response(Channel.CALL, NOON, MOBILE), ContactHistory.of(NOON, history),
                    List.of(NEW_YORK)));
        }

        @Test
        void theHoursOpenedWhenAMorningLiesBetweenTheDebtorsContactAndTheResponse() {
            Instant late = newYork("2026-03-09T22:00");
            ResponseToDebtor sameNight = new ResponseToDebtor(late, Place.OTHER, List.of(NEW_YORK),
                    newYork("2026-03-09T23:00"));
            ResponseToDebtor nextNight = new ResponseToDebtor(late, Place.OTHER, List.of(NEW_YORK),
                    newYork("2026-03-10T22:00"));
            assertFalse(sameNight.hoursOpenedSince(EIGHT, NINE_PM));
            assertTrue(nextNight.hoursOpenedSince(EIGHT, NINE_PM));
        }

        @Test
        void aWorkPhoneReachesThePersonAtWorkUnlessThePlaceIsGiven() {
            assertEquals(Place.WORK, response(Channel.CALL, NOON, WORK).placeReached());
            ProposedAction atHome = ProposedAction.builder().channel(Channel.CALL).at(NOON).recipient(Recipient.DEBTOR)
                    .contactPoint(WORK).accountIds("A1").place(Place.HOME).build();
            assertEquals(Place.HOME, atHome.placeReached());
            assertEquals(Place.OTHER, response(Channel.CALL, NOON, MOBILE).placeReached());
        }
    }

    // While ConsumerContacts still serves the overlays: the facts give its answers on random requests.

    @Property(tries = 300)
    void theFactsAgreeWithConsumerContacts(@ForAll("actions") ProposedAction action,
            @ForAll("histories") List<ContactAttempt> history, @ForAll("debtors") Debtor debtor,
            @ForAll boolean asked) {
        ContactHistory seen = ContactHistory.of(action.at(), history);
        List<ThirdParty> parties = List.of(new ThirdParty("T1", Recipient.NEIGHBOUR, false, null, asked));
        ResponseToDebtor answer = ResponseToDebtor.of(action, seen, debtor.timeZones());
        assertEquals(ConsumerContacts.oneResponseAllowed(action, seen), answer != null);
        ActionTime time = new ActionTime(action.at(), debtor.timeZones());
        assertEquals(ConsumerContacts.oneResponseAtThatTime(action, seen, time, EIGHT, NINE_PM),
                answer != null && !answer.hoursOpenedSince(EIGHT, NINE_PM));
        assertEquals(ConsumerContacts.oneResponseAtThatPlace(action, seen),
                answer != null && answer.debtorContactPlace() == action.placeReached());
        ContactPointUse use = ContactPointUse.of(action, seen);
        assertEquals(ConsumerContacts.debtorUsedContactPoint(action, seen), use.usedByDebtor());
        assertEquals(ConsumerContacts.consumerUsedContactPoint(action, seen), use.usedByRecipient());
        LocationContacts location = LocationContacts.of(action, parties, seen);
        assertEquals(ConsumerContacts.locationContactsWith(action, seen), location.reached());
        assertEquals(ConsumerContacts.locationContactsAllowed(action, parties, 1) > 1, location.askedToBeContactedAgain());
        List<ConsentInForce> consents = ConsentInForce.at(action.at(), debtor.consents());
        Duration fresh = Duration.ofDays(60);
        assertEquals(ConsumerContacts.electronicConsent(action, debtor, fresh), consents.stream().anyMatch(c ->
                c.kind() == ConsentKind.ELECTRONIC && (c.consent().channel() == null || c.consent().channel() == action.channel())
                        && c.names(action.contactPoint()) && c.age().compareTo(fresh) <= 0));
        assertEquals(ConsumerContacts.thirdPartyConsent(action, debtor), consents.stream().anyMatch(c ->
                c.kind() == ConsentKind.THIRD_PARTY_CONTACT
                        && (c.consent().contactPointId() == null || c.names(action.contactPoint()))));
        assertEquals(ConvenientTimes.agreedByConsent(time, debtor.consents()), consents.stream().anyMatch(c ->
                c.kind() == ConsentKind.CONTACT_TIME && time.withinEveryZone(c.consent().from(), c.consent().to())));
    }

    @Provide
    Arbitrary<ProposedAction> actions() {
        Arbitrary<Instant> at = Arbitraries.integers().between(0, 60 * 36).map(m -> NOON.plusSeconds(60L * m));
        return Combinators.combine(at, Arbitraries.of(Channel.CALL, Channel.SMS, Channel.EMAIL),
                Arbitraries.of(Purpose.RESPONSE, Purpose.COLLECTION, Purpose.LOCATION_INFO), Arbitraries.of("D", "T1"),
                Arbitraries.of(Place.OTHER, Place.HOME, Place.WORK)).as((when, channel, purpose, who, place) -> {
                    ContactPoint point = channel == Channel.EMAIL ? EMAIL : place == Place.HOME ? WORK : MOBILE;
                    ProposedAction.Builder b = ProposedAction.builder().channel(channel).at(when).contactPoint(point)
                            .accountIds("A1").purpose(purpose).place(place);
                    return who.equals("D") ? b.recipient(Recipient.DEBTOR).build()
                            : b.recipient(Recipient.NEIGHBOUR).thirdPartyId(who).build();
                });
    }

    @Provide
    Arbitrary<List<ContactAttempt>> histories() {
        Arbitrary<Instant> at = Arbitraries.integers().between(-60 * 24 * 3, 0).map(m -> NOON.plusSeconds(60L * m - 1));
        Arbitrary<ContactAttempt> attempt = Combinators.combine(at, Arbitraries.of(Channel.CALL, Channel.SMS, Channel.EMAIL),
                Arbitraries.of(Outcome.values()).injectNull(0.1), Arbitraries.of(Initiator.values()),
                Arbitraries.of("D", "T1", "T2"), Arbitraries.of(Purpose.RESPONSE, Purpose.COLLECTION, Purpose.LOCATION_INFO),
                Arbitraries.of(Place.OTHER, Place.HOME, Place.WORK))
                .as((when, channel, outcome, initiator, who, purpose, place) -> {
                    ContactPoint point = channel == Channel.EMAIL ? EMAIL : place == Place.WORK ? WORK : MOBILE;
                    Initiator by = who.equals("D") && initiator == Initiator.THIRD_PARTY ? Initiator.DEBTOR
                            : !who.equals("D") && initiator == Initiator.DEBTOR ? Initiator.THIRD_PARTY : initiator;
                    ContactAttempt.Builder b = ContactAttempt.builder().channel(channel).at(when).contactPoint(point)
                            .accountIds("A1").initiatedBy(by).outcome(outcome).purpose(purpose).place(place);
                    return who.equals("D") ? b.recipient(Recipient.DEBTOR).build()
                            : b.recipient(Recipient.NEIGHBOUR).thirdPartyId(who).build();
                });
        return attempt.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Debtor> debtors() {
        Arbitrary<Instant> given = Arbitraries.integers().between(-60 * 24 * 90, 60 * 24).map(m -> NOON.plusSeconds(60L * m));
        Arbitrary<Consent> consent = Combinators.combine(given, Arbitraries.of(0, 1, 2, 3),
                Arbitraries.of(Channel.SMS, Channel.EMAIL).injectNull(0.3), Arbitraries.of("P1", "E1").injectNull(0.3))
                .as((g, kind, channel, point) -> switch (kind) {
                    case 0 -> Consent.electronic(g, channel, point);
                    case 1 -> new Consent(ConsentKind.THIRD_PARTY_CONTACT, g, null, point, null, null, null, null, false);
                    case 2 -> Consent.contactTime(g, java.time.LocalTime.of(21, 0), java.time.LocalTime.of(23, 0));
                    default -> new Consent(ConsentKind.ELECTRONIC, g, channel, point, null, g.plus(Duration.ofDays(40)),
                            null, null, false);
                });
        return Combinators.combine(consent.list().ofMaxSize(3), Arbitraries.of("America/New_York", "Asia/Shanghai"))
                .as((consents, zone) -> {
                    Debtor.Builder b = Debtor.builder("D1").zones(zone);
                    consents.forEach(b::consent);
                    return b.build();
                });
    }
}
