package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.CREDITOR;
import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.LOS_ANGELES;
import static org.contactguard.catalog.us.UsFixtures.at;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.debtorCalled;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.catalog.us.UsFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** US-REGF-HOURS-01..03 and US-REGF-PLACE-01: inconvenient times and places, every zone, DST. */
class UsRegfHoursTest {

    static final Instant AT_0759_LOCAL = ny("2026-03-10T07:59");
    static final Instant AT_0800_LOCAL = ny("2026-03-10T08:00");
    static final Instant AT_2059_LOCAL = ny("2026-03-10T20:59");
    static final Instant AT_2100_LOCAL = ny("2026-03-10T21:00");
    static final Instant NEXT_MORNING_0800 = ny("2026-03-11T08:00");

    static Debtor newYorkAndLosAngeles() {
        return Debtor.of("D1", "America/New_York", "America/Los_Angeles");
    }

    @Nested
    class EightToNine {

        @Test
        void callAt0759IsDeniedUntil0800() {
            assertThatDecision(ENGINE, request(call(AT_0759_LOCAL).build()).build())
                    .isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(AT_0800_LOCAL);
        }

        @Test
        void callAt0800IsAllowed() {
            assertThatDecision(ENGINE, request(call(AT_0800_LOCAL).build()).build()).isAllowed();
        }

        @Test
        void callAt2059IsAllowed() {
            assertThatDecision(ENGINE, request(call(AT_2059_LOCAL).build()).build()).isAllowed();
        }

        @Test
        void callAt2100IsDeniedUntilTheNextMorning() {
            assertThatDecision(ENGINE, request(call(AT_2100_LOCAL).build()).build())
                    .isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(NEXT_MORNING_0800);
        }

        @Test
        void textAndVisitAreCoveredToo() {
            ProposedAction visit = ProposedAction.builder().channel(Channel.VISIT).at(AT_2100_LOCAL)
                    .recipient(Recipient.DEBTOR).place(Place.HOME).accountIds("A1")
                    .visit(new org.contactguard.core.model.VisitDetails(1, true, false, false, false, false)).build();
            assertThatDecision(ENGINE, request(visit).build()).isDeniedBy("US-REGF-HOURS-01");
        }

        @Test
        void letterIsNotAnHoursMatter() {
            ProposedAction letter = ProposedAction.builder().channel(Channel.LETTER).at(AT_2100_LOCAL)
                    .recipient(Recipient.DEBTOR).accountIds("A1").build();
            assertThatDecision(ENGINE, request(letter).build()).isAllowed();
        }

        @Test
        void creditorIsNotBoundByRegulationF() {
            assertThatDecision(ENGINE, request(call(AT_0759_LOCAL).build()).collector(CREDITOR).build()).isAllowed();
        }
    }

    @Nested
    class SeveralZones {

        @Test
        void debtorInTwoZonesIsDeniedWhileItIsBeforeEightInEither() {
            // 10:59 in New York is 07:59 in Los Angeles.
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T10:59")).build(), newYorkAndLosAngeles(), List.of())
                    .build()).isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(ny("2026-03-10T11:00"));
        }

        @Test
        void debtorInTwoZonesIsAllowedOnceItIsEightInBoth() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T11:00")).build(), newYorkAndLosAngeles(), List.of())
                    .build()).isAllowed();
        }

        @Test
        void debtorInTwoZonesIsAllowedAt2059InTheEasternZone() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T20:59")).build(), newYorkAndLosAngeles(), List.of())
                    .build()).isAllowed();
        }

        @Test
        void debtorInTwoZonesIsDeniedAt2100InTheEasternZoneUntilEightInTheWesternOne() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T21:00")).build(), newYorkAndLosAngeles(), List.of())
                    .build()).isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(ny("2026-03-11T11:00"));
        }

        @Test
        void unknownZoneIsDeniedSayingSo() {
            assertThatDecision(ENGINE, request(call(AT_0800_LOCAL).build(), Debtor.of("D1"), List.of()).build())
                    .isDeniedBy("US-REGF-HOURS-02").hasMessageContaining("US-REGF-HOURS-02", "debtor.timeZones")
                    .hasNoNextPermittedAt();
        }
    }

    @Nested
    class ClockChanges {

        @Test
        void onTheDaySummerTimeStartsInNewYork0759IsDeniedAnd0800Allowed() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-08T07:59")).build()).build())
                    .isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(ny("2026-03-08T08:00"));
            assertThatDecision(ENGINE, request(call(ny("2026-03-08T08:00")).build()).build()).isAllowed();
        }

        @Test
        void theEveningBeforeSummerTimeTheNextMomentIsEightOnTheNewClock() {
            // 21:00 EST on 7 March; the next 08:00 is EDT, 11 hours later rather than 12.
            assertThatDecision(ENGINE, request(call(ny("2026-03-07T21:00")).build()).build())
                    .isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(Instant.parse("2026-03-08T12:00:00Z"));
        }

        @Test
        void onTheDaySummerTimeStartsInLosAngeles0759IsDeniedAnd0800Allowed() {
            Debtor la = Debtor.of("D1", "America/Los_Angeles");
            assertThatDecision(ENGINE, request(call(at(LOS_ANGELES, "2026-03-08T07:59")).build(), la, List.of()).build())
                    .isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(at(LOS_ANGELES, "2026-03-08T08:00"));
            assertThatDecision(ENGINE, request(call(at(LOS_ANGELES, "2026-03-08T08:00")).build(), la, List.of()).build())
                    .isAllowed();
        }

        /**
         * Denver changes its clocks, Phoenix does not: on 8 March the two zones drift an hour apart, on
         * 1 November they meet again. The window must hold in both, on both days.
         */
        @Test
        void debtorInAZoneThatChangesClocksAndOneThatDoesNot() {
            Debtor both = Debtor.of("D1", "America/Denver", "America/Phoenix");
            // 8 March: Denver is UTC-6 from 02:00, Phoenix stays UTC-7. 08:00 in Phoenix is 15:00Z.
            assertThatDecision(ENGINE, request(call(Instant.parse("2026-03-08T14:59:00Z")).build(), both, List.of())
                    .build()).isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(Instant.parse("2026-03-08T15:00:00Z"));
            assertThatDecision(ENGINE, request(call(Instant.parse("2026-03-08T15:00:00Z")).build(), both, List.of())
                    .build()).isAllowed();
            // 21:00 in Denver (MDT) is 03:00Z, 20:00 in Phoenix: Denver closes the window.
            assertThatDecision(ENGINE, request(call(Instant.parse("2026-03-09T02:59:00Z")).build(), both, List.of())
                    .build()).isAllowed();
            assertThatDecision(ENGINE, request(call(Instant.parse("2026-03-09T03:00:00Z")).build(), both, List.of())
                    .build()).isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(Instant.parse("2026-03-09T15:00:00Z"));
            // 1 November: Denver is back on UTC-7 from 02:00 local; both zones close at 04:00Z.
            assertThatDecision(ENGINE, request(call(Instant.parse("2026-11-02T03:59:00Z")).build(), both, List.of())
                    .build()).isAllowed();
            assertThatDecision(ENGINE, request(call(Instant.parse("2026-11-02T04:00:00Z")).build(), both, List.of())
                    .build()).isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(Instant.parse("2026-11-02T15:00:00Z"));
            // The morning of 1 November: Denver (MDT until 02:00) and Phoenix both reach 08:00 at 15:00Z.
            assertThatDecision(ENGINE, request(call(Instant.parse("2026-11-01T14:59:00Z")).build(), both, List.of())
                    .build()).isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(Instant.parse("2026-11-01T15:00:00Z"));
        }

        @Test
        void onTheDaySummerTimeEndsInBothZonesTheEdgesHold() {
            Debtor la = Debtor.of("D1", "America/Los_Angeles");
            assertThatDecision(ENGINE, request(call(ny("2026-11-01T07:59")).build()).build())
                    .isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(Instant.parse("2026-11-01T13:00:00Z"));
            assertThatDecision(ENGINE, request(call(ny("2026-11-01T08:00")).build()).build()).isAllowed();
            assertThatDecision(ENGINE, request(call(ny("2026-11-01T20:59")).build()).build()).isAllowed();
            assertThatDecision(ENGINE, request(call(ny("2026-11-01T21:00")).build()).build())
                    .isDeniedBy("US-REGF-HOURS-01");
            assertThatDecision(ENGINE, request(call(at(LOS_ANGELES, "2026-11-01T07:59")).build(), la, List.of()).build())
                    .isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(Instant.parse("2026-11-01T16:00:00Z"));
            assertThatDecision(ENGINE, request(call(at(LOS_ANGELES, "2026-11-01T08:00")).build(), la, List.of()).build())
                    .isAllowed();
        }
    }

    @Nested
    class ConsentAndDesignations {

        static final Consent EVENINGS_AGREED = Consent.contactTime(ny("2026-03-01T12:00"), LocalTime.of(21, 0),
                LocalTime.of(22, 0));

        static Debtor debtor(Restriction restriction, Consent consent) {
            Debtor.Builder b = Debtor.builder("D1").zone("America/New_York");
            if (restriction != null) {
                b.restriction(restriction);
            }
            if (consent != null) {
                b.consent(consent);
            }
            return b.build();
        }

        @Test
        void agreedEveningHoursLiftTheNineOClockLimit() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T21:30")).build(), debtor(null, EVENINGS_AGREED),
                    List.of()).build()).isAllowed();
        }

        @Test
        void agreedEveningHoursEndAtTheirEnd() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T22:00")).build(), debtor(null, EVENINGS_AGREED),
                    List.of()).build()).isDeniedBy("US-REGF-HOURS-01");
        }

        @Test
        void nextMomentFindsTheAgreedHoursWhenTheyComeFirst() {
            // At 07:00 the agreed 21:00-22:00 is further away than 08:00; at 21:00 on a day... from 06:00 the
            // next usual moment (08:00) comes first.
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T06:00")).build(), debtor(null, EVENINGS_AGREED),
                    List.of()).build()).isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(AT_0800_LOCAL);
        }

        static final Restriction LUNCH_INCONVENIENT = Restriction.inconvenientTime(LocalTime.of(12, 0),
                LocalTime.of(14, 0));

        @Test
        void callJustBeforeADesignatedInconvenientTimeIsAllowed() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T11:59")).build(), debtor(LUNCH_INCONVENIENT, null),
                    List.of()).build()).isAllowed();
        }

        @Test
        void callInADesignatedInconvenientTimeIsDeniedUntilItEnds() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T12:00")).build(), debtor(LUNCH_INCONVENIENT, null),
                    List.of()).build()).isDeniedBy("US-REGF-HOURS-03").hasNextPermittedAt(ny("2026-03-10T14:00"));
        }

        @Test
        void callWhenTheDesignatedInconvenientTimeEndsIsAllowed() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T14:00")).build(), debtor(LUNCH_INCONVENIENT, null),
                    List.of()).build()).isAllowed();
        }

        @Test
        void designatedTimeCountsInEveryZoneTheDebtorMayBeIn() {
            Debtor both = Debtor.builder("D1").zones("America/New_York", "America/Los_Angeles")
                    .restriction(LUNCH_INCONVENIENT).build();
            // 15:30 in New York is 12:30 in Los Angeles.
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T15:30")).build(), both, List.of()).build())
                    .isDeniedBy("US-REGF-HOURS-03").hasNextPermittedAt(ny("2026-03-10T17:00"));
        }

        static final ContactAttempt DEBTOR_CALLED_AT_LUNCH = debtorCalled(ny("2026-03-10T12:30"), Outcome.NO_ANSWER);

        @Test
        void oneResponseInTheSameMediumToTheDebtorsContactIsAllowed() {
            ProposedAction response = call(ny("2026-03-10T12:45")).purpose(Purpose.RESPONSE).build();
            assertThatDecision(ENGINE, request(response, debtor(LUNCH_INCONVENIENT, null),
                    List.of(DEBTOR_CALLED_AT_LUNCH)).build()).isAllowed();
        }

        @Test
        void aSecondResponseIsDenied() {
            ContactAttempt firstResponse = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-10T12:40"))
                    .recipient(Recipient.DEBTOR).contactPoint(UsFixtures.MOBILE).accountIds("A1")
                    .purpose(Purpose.RESPONSE).outcome(Outcome.NO_ANSWER).build();
            ProposedAction again = call(ny("2026-03-10T12:45")).purpose(Purpose.RESPONSE).build();
            assertThatDecision(ENGINE, request(again, debtor(LUNCH_INCONVENIENT, null),
                    List.of(DEBTOR_CALLED_AT_LUNCH, firstResponse)).build()).isDeniedBy("US-REGF-HOURS-03");
        }

        @Test
        void aResponseInAnotherMediumIsDenied() {
            ProposedAction text = UsFixtures.contact(Channel.SMS, ny("2026-03-10T12:45"), UsFixtures.MOBILE)
                    .purpose(Purpose.RESPONSE).build();
            Debtor d = Debtor.builder("D1").zone("America/New_York").restriction(LUNCH_INCONVENIENT)
                    .consent(Consent.electronic(ny("2026-03-01T12:00"), Channel.SMS, UsFixtures.MOBILE.id())).build();
            assertThatDecision(ENGINE, request(text, d, List.of(DEBTOR_CALLED_AT_LUNCH)).build())
                    .isDeniedBy("US-REGF-HOURS-03");
        }

        @Test
        void theResponseMustComeWithinTheInconvenientTimeTheDebtorChose() {
            ProposedAction response = call(ny("2026-03-10T12:45")).purpose(Purpose.RESPONSE).build();
            // The debtor called at 11:00, a convenient time: that opens nothing at lunch.
            assertThatDecision(ENGINE, request(response, debtor(LUNCH_INCONVENIENT, null),
                    List.of(debtorCalled(ny("2026-03-10T11:00"), Outcome.NO_ANSWER))).build())
                    .isDeniedBy("US-REGF-HOURS-03").hasNextPermittedAt(ny("2026-03-10T14:00"));
            // The debtor called at lunch the day before: 14:00 came in between.
            assertThatDecision(ENGINE, request(response, debtor(LUNCH_INCONVENIENT, null),
                    List.of(debtorCalled(ny("2026-03-09T12:30"), Outcome.NO_ANSWER))).build())
                    .isDeniedBy("US-REGF-HOURS-03");
        }

        @Test
        void aResponseAtNightOnlyAnswersAContactMadeThatNight() {
            ProposedAction at2245 = call(ny("2026-03-10T22:45")).purpose(Purpose.RESPONSE).build();
            assertThatDecision(ENGINE, request(at2245, UsFixtures.inNewYork(),
                    List.of(debtorCalled(ny("2026-03-10T22:30"), Outcome.NO_ANSWER))).build()).isAllowed();
            assertThatDecision(ENGINE, request(at2245, UsFixtures.inNewYork(),
                    List.of(debtorCalled(ny("2026-03-10T20:59"), Outcome.NO_ANSWER))).build())
                    .isDeniedBy("US-REGF-HOURS-01").hasNextPermittedAt(ny("2026-03-11T08:00"));
            // Before the hours open the next morning it is still the same night.
            ProposedAction at0759 = call(ny("2026-03-11T07:59")).purpose(Purpose.RESPONSE).build();
            assertThatDecision(ENGINE, request(at0759, UsFixtures.inNewYork(),
                    List.of(debtorCalled(ny("2026-03-10T22:30"), Outcome.NO_ANSWER))).build()).isAllowed();
        }

        @Test
        void aResponseAtAnInconvenientPlaceAnswersAContactFromThatPlace() {
            ProposedAction atWork = call(ny("2026-03-10T10:00")).place(Place.WORK).purpose(Purpose.RESPONSE).build();
            ContactAttempt fromWork = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-10T09:30"))
                    .recipient(Recipient.DEBTOR).contactPoint(UsFixtures.MOBILE).accountIds("A1").place(Place.WORK)
                    .initiatedBy(Initiator.DEBTOR).outcome(Outcome.NO_ANSWER).build();
            Debtor workInconvenient = debtor(Restriction.inconvenientPlace(Place.WORK), null);
            assertThatDecision(ENGINE, request(atWork, workInconvenient, List.of(fromWork)).build()).isAllowed();
            assertThatDecision(ENGINE, request(atWork, workInconvenient,
                    List.of(debtorCalled(ny("2026-03-10T09:30"), Outcome.NO_ANSWER))).build())
                    .isDeniedBy("US-REGF-PLACE-01");
        }

        @Test
        void contactAtADesignatedInconvenientPlaceIsDenied() {
            ProposedAction atWork = call(ny("2026-03-10T10:00")).place(Place.WORK).build();
            assertThatDecision(ENGINE, request(atWork, debtor(Restriction.inconvenientPlace(Place.WORK), null),
                    List.of()).build()).isDeniedBy("US-REGF-PLACE-01");
        }

        @Test
        void aCallToTheWorkPhoneIsAtWork() {
            Debtor workInconvenient = debtor(Restriction.inconvenientPlace(Place.WORK), null);
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T10:00")).contactPoint(UsFixtures.WORK_PHONE).build(),
                    workInconvenient, List.of()).build()).isDeniedBy("US-REGF-PLACE-01");
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T10:00")).build(), workInconvenient, List.of())
                    .build()).isAllowed();
        }

        @Test
        void askingNotToBeContactedAtWorkMakesWorkAnInconvenientPlace() {
            Debtor asked = Debtor.builder("D1").zone("America/New_York")
                    .restriction(new Restriction(org.contactguard.core.model.RestrictionKind.NO_CONTACT_AT_WORK,
                            ny("2026-01-05T09:00"), null, false, false, null, null, null, null, null, null)).build();
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T10:00")).contactPoint(UsFixtures.WORK_PHONE).build(),
                    asked, List.of()).build()).isDeniedBy("US-REGF-PLACE-01");
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T10:00")).place(Place.WORK).build(), asked, List.of())
                    .build()).isDeniedBy("US-REGF-PLACE-01");
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T10:00")).build(), asked, List.of()).build())
                    .isAllowed();
        }

        @Test
        void contactElsewhereThanTheDesignatedPlaceIsAllowed() {
            ProposedAction atHome = call(ny("2026-03-10T10:00")).place(Place.HOME).build();
            assertThatDecision(ENGINE, request(atHome, debtor(Restriction.inconvenientPlace(Place.WORK), null),
                    List.of()).build()).isAllowed();
        }
    }
}
