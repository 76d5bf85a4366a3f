package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.MOBILE;
import static org.contactguard.catalog.us.UsFixtures.STUDENT_1;
import static org.contactguard.catalog.us.UsFixtures.STUDENT_2;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.dailyCalls;
import static org.contactguard.catalog.us.UsFixtures.debtorCalled;
import static org.contactguard.catalog.us.UsFixtures.inNewYork;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.catalog.us.UsFixtures.placed;
import static org.contactguard.catalog.us.UsFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** US-REGF-FREQ-01..04: 7-in-7 per person per debt in calendar dates, the conversation block, the advisories. */
class UsRegfFrequencyTest {

    /** Tuesday 10 March 2026, noon in New York; its 7-date window is 4-10 March. */
    static final Instant NOON_10_MARCH = ny("2026-03-10T12:00");
    static final List<ContactAttempt> SEVEN_CALLS_4_TO_10_MARCH = dailyCalls("2026-03-10", 7, Outcome.NO_ANSWER);
    static final List<ContactAttempt> SIX_CALLS_5_TO_10_MARCH = dailyCalls("2026-03-10", 6, Outcome.NO_ANSWER);
    static final List<ContactAttempt> SEVEN_CALLS_3_TO_9_MARCH = dailyCalls("2026-03-09", 7, Outcome.VOICEMAIL);

    @Nested
    class SevenInSeven {

        @Test
        void seventhCallIsAllowed() {
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), inNewYork(), SIX_CALLS_5_TO_10_MARCH)
                    .build()).isAllowed();
        }

        @Test
        void eighthCallWithinSevenDatesIsDeniedUntilTheOldestDateLeaves() {
            // The 4 March call leaves the window at midnight on 11 March; the hours rule then waits for 08:00.
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), inNewYork(), SEVEN_CALLS_4_TO_10_MARCH)
                    .build()).isDeniedBy("US-REGF-FREQ-01").hasNextPermittedAt(ny("2026-03-11T08:00"))
                    .hasMessageContaining("US-REGF-FREQ-01", "called the cap of 7 times or more about account A1 within 7 consecutive days");
        }

        @Test
        void callOnTheEighthDateAfterTheFirstIsAllowed() {
            // Calls on 3-9 March; on 10 March the window is 4-10 March and holds six.
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T08:00")).build(), inNewYork(),
                    SEVEN_CALLS_3_TO_9_MARCH).build()).isAllowed();
        }

        @Test
        void windowIsCalendarDatesNotHours() {
            // Seven calls late on 4 March (23:00) are on the 4th: at 00:30 on the 11th they are out of the window
            // although fewer than 7 x 24 hours have passed. The proposed call at 08:00 on the 11th is allowed.
            List<ContactAttempt> late = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                late.add(placed(ny("2026-03-04T20:5" + i), Outcome.NO_ANSWER));
            }
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T20:58")).build(), inNewYork(), late).build())
                    .isDeniedBy("US-REGF-FREQ-01").hasNextPermittedAt(ny("2026-03-11T08:00"));
            assertThatDecision(ENGINE, request(call(ny("2026-03-11T08:00")).build(), inNewYork(), late).build())
                    .isAllowed();
        }

        @Test
        void aDebtorInTwoZonesHasItsDatesCountedInTheFirstZone() {
            // Seven calls at 01:00 on 4 March in New York, which is 22:00 on 3 March in Los Angeles.
            List<ContactAttempt> late = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                late.add(placed(ny("2026-03-04T01:0" + i), Outcome.NO_ANSWER));
            }
            Instant at = ny("2026-03-10T12:00");
            // New York first: the calls are on 4 March, inside 4-10 March, until midnight on 11 March (New York).
            assertThatDecision(ENGINE, request(call(at).build(), Debtor.of("D1", "America/New_York",
                    "America/Los_Angeles"), late).build()).isDeniedBy("US-REGF-FREQ-01")
                    .hasNextPermittedAt(ny("2026-03-11T11:00"));
            // Los Angeles first: they are on 3 March, outside the window.
            assertThatDecision(ENGINE, request(call(at).build(), Debtor.of("D1", "America/Los_Angeles",
                    "America/New_York"), late).build()).isAllowed();
        }

        @Test
        void busyAndNotInServiceCallsDoNotCount() {
            List<ContactAttempt> calls = new ArrayList<>(dailyCalls("2026-03-10", 4, Outcome.BUSY));
            calls.addAll(dailyCalls("2026-03-06", 3, Outcome.NOT_IN_SERVICE));
            calls.add(placed(ny("2026-03-10T11:00"), Outcome.FAILED));
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), inNewYork(), calls).build()).isAllowed();
        }

        @Test
        void callsToEveryNumberOfTheDebtorShareOneCount() {
            List<ContactAttempt> calls = new ArrayList<>(SIX_CALLS_5_TO_10_MARCH);
            calls.add(ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-04T10:00")).recipient(Recipient.DEBTOR)
                    .contactPoint(UsFixtures.HOME_PHONE).accountIds("A1").outcome(Outcome.NO_ANSWER).build());
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), inNewYork(), calls).build())
                    .isDeniedBy("US-REGF-FREQ-01");
        }

        @Test
        void callAboutAnotherDebtHasItsOwnCount() {
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH, "A2").build(), inNewYork(), SEVEN_CALLS_4_TO_10_MARCH)
                    .build()).isAllowed();
        }

        @Test
        void callAboutSeveralDebtsIsDeniedWhenAnyIsFull() {
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH, "A1", "A2").build(), inNewYork(),
                    SEVEN_CALLS_4_TO_10_MARCH).build()).isDeniedBy("US-REGF-FREQ-01")
                    .hasMessageContaining("US-REGF-FREQ-01", "account A1");
        }

        @Test
        void callToTheSpouseIsAnotherPersonsCount() {
            ProposedAction toSpouse = call(NOON_10_MARCH).recipient(Recipient.SPOUSE).thirdPartyId("T-SPOUSE")
                    .contactPoint(UsFixtures.HOME_PHONE).build();
            assertThatDecision(ENGINE, request(toSpouse, inNewYork(), SEVEN_CALLS_4_TO_10_MARCH).build()).isAllowed();
        }

        @Test
        void studentLoansUnderOneServicingNumberAreOneDebt() {
            List<ContactAttempt> calls = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                calls.add(placed(ny("2026-03-0" + (4 + i / 2) + "T1" + i + ":00"), Outcome.NO_ANSWER, i % 2 == 0 ? "S1" : "S2"));
            }
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH, "S2").build(), inNewYork(), calls)
                    .account(STUDENT_1).account(STUDENT_2).build()).isDeniedBy("US-REGF-FREQ-01")
                    .hasMessageContaining("US-REGF-FREQ-01", "serviced under SVC-9");
        }

        @Test
        void studentLoansUnderDifferentServicingNumbersAreSeparateDebts() {
            List<ContactAttempt> calls = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                calls.add(placed(ny("2026-03-0" + (4 + i / 2) + "T1" + i + ":00"), Outcome.NO_ANSWER, "S1"));
            }
            var other = new org.contactguard.core.model.Account("S3", org.contactguard.core.model.Product.STUDENT_LOAN,
                    "US", 90, "SVC-10", false, null, null);
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH, "S3").build(), inNewYork(), calls)
                    .account(STUDENT_1).account(other).build()).isAllowed();
        }

        @Test
        void callsUnderACallbackConsentAreExcluded() {
            Debtor asked = Debtor.builder("D1").zone("America/New_York")
                    .consent(Consent.callback(ny("2026-03-10T09:00"), null)).build();
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), asked, SEVEN_CALLS_4_TO_10_MARCH).build())
                    .isAllowed();
        }

        @Test
        void callbackConsentIsUsedUpByTheConversation() {
            Debtor asked = Debtor.builder("D1").zone("America/New_York")
                    .consent(Consent.callback(ny("2026-03-10T09:00"), null)).build();
            List<ContactAttempt> calls = new ArrayList<>(SIX_CALLS_5_TO_10_MARCH);
            calls.add(placed(ny("2026-03-10T11:00"), Outcome.CONNECTED));
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), asked, calls).build())
                    .isDeniedBy("US-REGF-FREQ-02");
        }

        @Test
        void callbackConsentLastsSevenDatesWithItsDateAsDayOne() {
            Debtor asked = Debtor.builder("D1").zone("America/New_York")
                    .consent(Consent.callback(ny("2026-03-04T09:00"), null)).build();
            // 4 March is day 1, 10 March day 7: still excluded. 11 March is day 8: counted again.
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T20:00")).build(), asked, SEVEN_CALLS_4_TO_10_MARCH)
                    .build()).isAllowed();
            List<ContactAttempt> eleventh = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                eleventh.add(placed(ny("2026-03-11T1" + i + ":00"), Outcome.NO_ANSWER));
            }
            assertThatDecision(ENGINE, request(call(ny("2026-03-11T20:00")).build(), asked, eleventh).build())
                    .isDeniedBy("US-REGF-FREQ-01");
        }
    }

    /**
     * callbackConsentDays governs which earlier calls the consent excludes: until this release the
     * exclusion used the call window's length (callWindowDays) instead, so a deployment that shortened
     * the consent's dates still had the calls after them excluded.
     */
    @Nested
    class TunedCallbackConsent {

        static final Debtor ASKED_ON_4_MARCH = Debtor.builder("D1").zone("America/New_York")
                .consent(Consent.callback(ny("2026-03-04T09:00"), null)).build();

        /** Two unanswered calls a day on 4-10 March. */
        static List<ContactAttempt> twiceDaily() {
            List<ContactAttempt> calls = new ArrayList<>();
            for (int day = 4; day <= 10; day++) {
                calls.add(placed(ny("2026-03-%02dT10:00".formatted(day)), Outcome.NO_ANSWER));
                calls.add(placed(ny("2026-03-%02dT11:00".formatted(day)), Outcome.NO_ANSWER));
            }
            return calls;
        }

        @Test
        void withTheSevenDatesOfTheRegulationEveryCallIsUnderTheConsent() {
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), ASKED_ON_4_MARCH, twiceDaily()).build())
                    .isAllowed();
        }

        @Test
        void withThreeDatesTheCallsFromTheFourthDateOnCountAgain() {
            ComplianceEngine threeDates = ComplianceEngine.builder().parameter("us-regf", "callbackConsentDays", "3")
                    .build();
            // 4-6 March are days 1-3 of the consent; the eight calls of 7-10 March count.
            assertThatDecision(threeDates, request(call(NOON_10_MARCH).build(), ASKED_ON_4_MARCH, twiceDaily()).build())
                    .isDeniedBy("US-REGF-FREQ-01");
        }
    }

    /** Location calls to the neighbour who asked to be called back (requestedCallback, which carries no date). */
    @Nested
    class ThirdPartyCallbackRequest {

        static ContactAttempt locationCall(Instant at, Outcome outcome) {
            return ContactAttempt.builder().channel(Channel.CALL).at(at).recipient(Recipient.NEIGHBOUR)
                    .thirdPartyId("T-ASKED").contactPoint(UsFixtures.HOME_PHONE).accountIds("A1")
                    .purpose(Purpose.LOCATION_INFO).outcome(outcome).build();
        }

        static ProposedAction callAt(Instant at) {
            return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.NEIGHBOUR)
                    .thirdPartyId("T-ASKED").contactPoint(UsFixtures.HOME_PHONE).accountIds("A1")
                    .purpose(Purpose.LOCATION_INFO).build();
        }

        /** The neighbour texted the collector on 4 March asking to be called back: day 1 of the exclusion. */
        static final ContactAttempt ASKED_4_MARCH = ContactAttempt.builder().channel(Channel.SMS)
                .at(ny("2026-03-04T10:00")).recipient(Recipient.NEIGHBOUR).thirdPartyId("T-ASKED")
                .contactPoint(MOBILE).accountIds("A1").initiatedBy(Initiator.THIRD_PARTY).outcome(Outcome.DELIVERED)
                .build();

        static List<ContactAttempt> sevenUnansweredOn9March(ContactAttempt... before) {
            List<ContactAttempt> calls = new ArrayList<>(List.of(before));
            for (int i = 0; i < 7; i++) {
                calls.add(locationCall(ny("2026-03-09T1" + i + ":00"), Outcome.NO_ANSWER));
            }
            return calls;
        }

        @Test
        void callsWithinSevenDatesOfTheRequestAreExcluded() {
            // 4 March is day 1, 10 March day 7: the eighth call is still under the callback request.
            assertThatDecision(ENGINE, request(callAt(ny("2026-03-10T20:00")), inNewYork(),
                    sevenUnansweredOn9March(ASKED_4_MARCH)).build()).isAllowed();
        }

        @Test
        void onTheEighthDateAfterTheRequestCallsCountAgain() {
            List<ContactAttempt> tenth = new ArrayList<>(List.of(ASKED_4_MARCH));
            List<ContactAttempt> eleventh = new ArrayList<>(List.of(ASKED_4_MARCH));
            for (int i = 0; i < 7; i++) {
                tenth.add(locationCall(ny("2026-03-10T1" + i + ":00"), Outcome.NO_ANSWER));
                eleventh.add(locationCall(ny("2026-03-11T1" + i + ":00"), Outcome.NO_ANSWER));
            }
            // Calls of 10 March (day 7) were under the request and stay excluded; those of 11 March (day 8) count.
            assertThatDecision(ENGINE, request(callAt(ny("2026-03-11T20:00")), inNewYork(), tenth).build())
                    .isAllowed();
            assertThatDecision(ENGINE, request(callAt(ny("2026-03-11T20:00")), inNewYork(), eleventh).build())
                    .isDeniedBy("US-REGF-FREQ-01").hasNextPermittedAt(ny("2026-03-18T08:00"));
        }

        @Test
        void requestWithNoContactToDateItExcludesNothing() {
            // Without any contact to take as its date, the seven-date limit cannot be checked: fail closed.
            assertThatDecision(ENGINE, request(callAt(ny("2026-03-10T12:00")), inNewYork(), sevenUnansweredOn9March())
                    .build()).isDeniedBy("US-REGF-FREQ-01");
        }

        @Test
        void requestMadeInAConversationIsUsedUpByTheNextConversation() {
            ContactAttempt talked = locationCall(ny("2026-03-08T10:00"), Outcome.CONNECTED);
            assertThatDecision(ENGINE, request(callAt(ny("2026-03-10T12:00")), inNewYork(),
                    sevenUnansweredOn9March(talked)).build()).isAllowed();
            List<ContactAttempt> again = sevenUnansweredOn9March(talked);
            again.add(locationCall(ny("2026-03-10T09:00"), Outcome.CONNECTED));
            // The request dates from the first conversation (8 March); the 10 March one uses it up (and,
            // being the second location contact, the further contact the request opened).
            assertThatDecision(ENGINE, request(callAt(ny("2026-03-10T12:00")), inNewYork(), again).build())
                    .isDeniedBy("US-REGF-FREQ-02", "US-REGF-LOC-02");
        }
    }

    @Nested
    class AfterAConversation {

        static final ContactAttempt TALKED_4_MARCH = debtorCalled(ny("2026-03-04T15:00"), Outcome.CONNECTED);

        @Test
        void callOnTheSeventhDateIsDeniedUntilTheEighth() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-10T20:00")).build(), TALKED_4_MARCH).build())
                    .isDeniedBy("US-REGF-FREQ-02").hasNextPermittedAt(ny("2026-03-11T08:00"));
        }

        @Test
        void callOnTheEighthDateIsAllowed() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-11T08:00")).build(), TALKED_4_MARCH).build())
                    .isAllowed();
        }

        @Test
        void callWhoseOutcomeIsNotKnownYetBlocksLikeAConversation() {
            ContactAttempt unknown = placed(ny("2026-03-10T09:00"), null);
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), unknown).build())
                    .isDeniedBy("US-REGF-FREQ-02").hasNextPermittedAt(ny("2026-03-17T08:00"));
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), placed(ny("2026-03-10T09:00"),
                    Outcome.VOICEMAIL)).build()).isAllowed();
        }

        @Test
        void conversationTheCollectorStartedBlocksToo() {
            ContactAttempt talked = placed(ny("2026-03-10T09:00"), Outcome.CONNECTED);
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), talked).build())
                    .isDeniedBy("US-REGF-FREQ-02").hasNextPermittedAt(ny("2026-03-17T08:00"));
        }

        @Test
        void conversationAboutAnotherDebtDoesNotBlock() {
            assertThatDecision(ENGINE, request(call(ny("2026-03-05T10:00"), "A2").build(), TALKED_4_MARCH).build())
                    .isAllowed();
        }

        @Test
        void conversationWithTheSpouseDoesNotBlockCallsToTheDebtor() {
            ContactAttempt spouse = ContactAttempt.builder().channel(Channel.CALL).at(ny("2026-03-04T15:00"))
                    .recipient(Recipient.SPOUSE).thirdPartyId("T-SPOUSE").contactPoint(UsFixtures.HOME_PHONE)
                    .accountIds("A1").outcome(Outcome.CONNECTED).build();
            assertThatDecision(ENGINE, request(call(ny("2026-03-05T10:00")).build(), spouse).build()).isAllowed();
        }

        @Test
        void textAfterAConversationIsNotACall() {
            ProposedAction text = UsFixtures.contact(Channel.SMS, ny("2026-03-05T10:00"), MOBILE).build();
            Debtor consented = Debtor.builder("D1").zone("America/New_York")
                    .consent(Consent.electronic(ny("2026-03-01T10:00"), Channel.SMS, MOBILE.id())).build();
            assertThatDecision(ENGINE, request(text, consented, List.of(TALKED_4_MARCH)).build()).isAllowed();
        }
    }

    @Nested
    class RebuttalAdvisories {

        @Test
        void redialWithinFiveMinutesOfAnUnansweredCallIsFlagged() {
            ContactAttempt unanswered = placed(ny("2026-03-10T11:56"), Outcome.NO_ANSWER);
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), unanswered).build()).isAllowed()
                    .hasAdvisory("US-REGF-FREQ-03");
        }

        @Test
        void redialFiveMinutesLaterIsNotFlagged() {
            ContactAttempt unanswered = placed(ny("2026-03-10T11:55"), Outcome.NO_ANSWER);
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), unanswered).build()).isAllowed()
                    .isNotFlaggedBy("US-REGF-FREQ-03");
        }

        @Test
        void seventhCallToOneNumberInADayIsFlagged() {
            List<ContactAttempt> busy = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                busy.add(placed(ny("2026-03-10T0" + (8 + i / 4) + ":" + (10 + 10 * (i % 4))), Outcome.BUSY));
            }
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), inNewYork(), busy).build()).isAllowed()
                    .hasAdvisory("US-REGF-FREQ-04");
            assertThatDecision(ENGINE, request(call(NOON_10_MARCH).build(), inNewYork(), busy.subList(0, 5)).build())
                    .isAllowed().isNotFlaggedBy("US-REGF-FREQ-04");
        }
    }
}
