package org.contactguard.core.rules;

import static org.contactguard.core.rules.RulesFixtures.EMAIL;
import static org.contactguard.core.rules.RulesFixtures.call;
import static org.contactguard.core.rules.RulesFixtures.connectedCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContactHistoryTest {

    static final Instant NOW = Instant.parse("2026-03-10T16:00:00Z");
    static final Duration SEVEN_DAYS = Duration.ofDays(7);
    static final int CAP = 7;
    static final AttemptFilter PLACED_CALLS_ABOUT_A1 = AttemptFilter.placedCalls("A1");

    /** {@code n} connected calls about A1, {@code hoursApart} apart, the newest {@code newest}; oldest first. */
    static List<ContactAttempt> connectedCalls(Instant newest, int n, long hoursApart) {
        List<ContactAttempt> calls = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            calls.add(connectedCall(newest.minus(Duration.ofHours(i * hoursApart))));
        }
        return calls;
    }

    static int placedCallsAboutA1(List<ContactAttempt> attempts) {
        return ContactHistory.of(NOW, attempts).count(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS);
    }

    @Nested
    class RollingWindow {

        @Test
        void attemptExactlySevenDaysAgoHasLeftTheWindow() {
            assertEquals(0, placedCallsAboutA1(List.of(connectedCall(NOW.minus(SEVEN_DAYS)))));
        }

        @Test
        void attemptOneMinuteLessThanSevenDaysAgoIsInsideTheWindow() {
            assertEquals(1, placedCallsAboutA1(List.of(connectedCall(NOW.minus(SEVEN_DAYS).plusSeconds(60)))));
        }

        @Test
        void attemptOneNanosecondLessThanSevenDaysAgoIsInsideTheWindow() {
            assertEquals(1, placedCallsAboutA1(List.of(connectedCall(NOW.minus(SEVEN_DAYS).plusNanos(1)))));
        }

        @Test
        void windowIsSevenTimesTwentyFourHoursEvenAcrossADaylightSavingChange() {
            // New York sprang forward on 2026-03-08; the window is counted in elapsed time, not wall-clock days.
            Instant justInside = NOW.minus(Duration.ofHours(7 * 24)).plusSeconds(1);
            assertEquals(1, placedCallsAboutA1(List.of(connectedCall(justInside))));
        }

        @Test
        void attemptAtNowIsNotCounted() {
            assertEquals(0, placedCallsAboutA1(List.of(connectedCall(NOW))));
        }

        @Test
        void attemptAfterNowIsNotCounted() {
            assertEquals(0, placedCallsAboutA1(List.of(connectedCall(NOW.plusSeconds(60)))));
        }

        @Test
        void attemptJustBeforeNowIsCounted() {
            assertEquals(1, placedCallsAboutA1(List.of(connectedCall(NOW.minusNanos(1)))));
        }

        @Test
        void shorterWindowsCountOnlyTheirOwnSpan() {
            ContactHistory history = ContactHistory.of(NOW, connectedCalls(NOW.minus(Duration.ofHours(1)), 5, 24));
            assertEquals(5, history.count(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS));
            assertEquals(1, history.count(PLACED_CALLS_ABOUT_A1, Duration.ofDays(1)));
            assertEquals(0, history.count(PLACED_CALLS_ABOUT_A1, Duration.ofMinutes(60)));
        }
    }

    @Nested
    class Ordering {

        @Test
        void entriesGivenInAnyOrderAreKeptOldestFirst() {
            ContactAttempt newest = connectedCall(NOW.minusSeconds(60));
            ContactAttempt oldest = connectedCall(NOW.minus(Duration.ofDays(3)));
            ContactAttempt middle = connectedCall(NOW.minus(Duration.ofDays(1)));
            ContactHistory history = ContactHistory.of(NOW, List.of(newest, oldest, middle));
            assertEquals(List.of(oldest, middle, newest), history.attempts());
            assertEquals(3, history.size());
            assertEquals(NOW, history.now());
        }

        @Test
        void theCallersListIsCopied() {
            List<ContactAttempt> attempts = new ArrayList<>(List.of(connectedCall(NOW.minusSeconds(60))));
            ContactHistory history = ContactHistory.of(NOW, attempts);
            attempts.add(connectedCall(NOW.minusSeconds(120)));
            assertEquals(1, history.size());
            assertThrows(UnsupportedOperationException.class, () -> history.attempts().add(connectedCall(NOW)));
        }

        @Test
        void sameHistorySeenFromAnotherMomentMovesTheWindow() {
            ContactHistory history = ContactHistory.of(NOW, List.of(connectedCall(NOW.minus(Duration.ofDays(6)))));
            assertEquals(1, history.count(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS));
            ContactHistory dayLater = history.at(NOW.plus(Duration.ofDays(1)));
            assertEquals(NOW.plus(Duration.ofDays(1)), dayLater.now());
            assertEquals(0, dayLater.count(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS));
            assertEquals(0, history.at(NOW.minus(Duration.ofDays(6))).count(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS));
        }

        @Test
        void nowIsRequired() {
            assertThrows(NullPointerException.class, () -> ContactHistory.of(null, List.of()));
            assertThrows(NullPointerException.class, () -> ContactHistory.of(NOW, List.of()).at(null));
        }
    }

    @Nested
    class Filters {

        static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));

        @Test
        void countKeepsOnlyTheFilteredChannel() {
            ContactAttempt email = ContactAttempt.builder().channel(Channel.EMAIL).at(HOUR_AGO).recipient(Recipient.DEBTOR)
                    .contactPoint(EMAIL).accountIds("A1").outcome(Outcome.DELIVERED).build();
            ContactHistory history = ContactHistory.of(NOW, List.of(email, connectedCall(HOUR_AGO)));
            assertEquals(1, history.count(AttemptFilter.any().channel(Channel.CALL), SEVEN_DAYS));
            assertEquals(1, history.count(AttemptFilter.any().channel(Channel.EMAIL), SEVEN_DAYS));
            assertEquals(2, history.count(AttemptFilter.any(), SEVEN_DAYS));
            assertEquals(1, history.placedCalls("A1", SEVEN_DAYS));
        }

        @Test
        void countKeepsOnlyTheFilteredRecipient() {
            ContactAttempt toSpouse = call(HOUR_AGO, Outcome.CONNECTED, "A1").recipient(Recipient.SPOUSE)
                    .thirdPartyId("T1").build();
            ContactHistory history = ContactHistory.of(NOW, List.of(toSpouse, connectedCall(HOUR_AGO)));
            assertEquals(1, history.count(AttemptFilter.any().recipient(Recipient.DEBTOR), SEVEN_DAYS));
            assertEquals(1, history.count(AttemptFilter.any().recipient(Recipient.SPOUSE), SEVEN_DAYS));
        }

        @Test
        void countKeepsOnlyTheFilteredAccountAndAnEntryAboutTwoAccountsCountsForEach() {
            ContactHistory history = ContactHistory.of(NOW, List.of(connectedCall(HOUR_AGO),
                    call(HOUR_AGO, Outcome.CONNECTED, "A2").build(), call(HOUR_AGO, Outcome.CONNECTED, "A1", "A2").build()));
            assertEquals(2, history.placedCalls("A1", SEVEN_DAYS));
            assertEquals(2, history.placedCalls("A2", SEVEN_DAYS));
            assertEquals(0, history.placedCalls("A3", SEVEN_DAYS));
        }

        @Test
        void placedCallsLeaveOutCallsTheDebtorOrAThirdPartyStarted() {
            ContactHistory history = ContactHistory.of(NOW, List.of(connectedCall(HOUR_AGO),
                    call(HOUR_AGO, Outcome.CONNECTED, "A1").initiatedBy(Initiator.DEBTOR).build(),
                    call(HOUR_AGO, Outcome.CONNECTED, "A1").initiatedBy(Initiator.THIRD_PARTY).build()));
            assertEquals(1, history.placedCalls("A1", SEVEN_DAYS));
            assertEquals(1, history.count(AttemptFilter.any().initiatedBy(Initiator.DEBTOR), SEVEN_DAYS));
        }

        @Test
        void placedCallsLeaveOutBusyNotInServiceAndFailedCalls() {
            ContactHistory history = ContactHistory.of(NOW, List.of(call(HOUR_AGO, Outcome.BUSY, "A1").build(),
                    call(HOUR_AGO, Outcome.NOT_IN_SERVICE, "A1").build(), call(HOUR_AGO, Outcome.FAILED, "A1").build()));
            assertEquals(0, history.placedCalls("A1", SEVEN_DAYS));
            assertEquals(3, history.count(AttemptFilter.any().channel(Channel.CALL), SEVEN_DAYS));
        }

        @Test
        void placedCallsCountEveryOtherOutcomeAndAnUnknownOne() {
            List<ContactAttempt> calls = new ArrayList<>();
            for (Outcome outcome : List.of(Outcome.CONNECTED, Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.REFUSED)) {
                calls.add(call(HOUR_AGO, outcome, "A1").build());
            }
            calls.add(call(HOUR_AGO, null, "A1").build());
            assertEquals(5, ContactHistory.of(NOW, calls).placedCalls("A1", SEVEN_DAYS));
        }
    }

    @Nested
    class Reopening {

        @Test
        void underTheCapTheWindowIsOpenNow() {
            List<ContactAttempt> sixCalls = connectedCalls(NOW.minus(Duration.ofHours(1)), 6, 20);
            assertEquals(NOW, ContactHistory.of(NOW, sixCalls).reopensAt(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS, CAP));
        }

        @Test
        void atTheCapTheWindowReopensWhenTheOldestCallLeavesIt() {
            List<ContactAttempt> sevenCalls = connectedCalls(NOW.minus(Duration.ofHours(1)), 7, 20);
            Instant oldest = sevenCalls.get(0).at();
            assertEquals(oldest.plus(SEVEN_DAYS),
                    ContactHistory.of(NOW, sevenCalls).reopensAt(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS, CAP));
        }

        @Test
        void nineCallsWithCapSevenReopenWhenTheThirdOldestLeavesTheWindow() {
            List<ContactAttempt> nineCalls = connectedCalls(NOW.minus(Duration.ofHours(1)), 9, 15);
            Instant thirdOldest = nineCalls.get(2).at();
            ContactHistory history = ContactHistory.of(NOW, nineCalls);
            assertEquals(thirdOldest.plus(SEVEN_DAYS), history.reopensAt(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS, CAP));
            assertEquals(thirdOldest.plus(SEVEN_DAYS), history.placedCallsReopenAt("A1", SEVEN_DAYS, CAP));
        }

        @Test
        void whenTheWindowReopensTheCountIsJustUnderTheCapAndAnInstantEarlierItWasNot() {
            ContactHistory history = ContactHistory.of(NOW, connectedCalls(NOW.minus(Duration.ofHours(1)), 9, 15));
            Instant reopens = history.reopensAt(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS, CAP);
            assertEquals(CAP - 1, history.at(reopens).count(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS));
            assertEquals(CAP, history.at(reopens.minusNanos(1)).count(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS));
        }

        @Test
        void callsOutsideTheWindowOrTheFilterDoNotDelayReopening() {
            List<ContactAttempt> attempts = new ArrayList<>(connectedCalls(NOW.minus(Duration.ofHours(1)), 7, 20));
            attempts.add(connectedCall(NOW.minus(Duration.ofDays(8))));
            attempts.add(connectedCall(NOW.minus(SEVEN_DAYS)));
            attempts.add(call(NOW.minus(Duration.ofDays(6)), Outcome.BUSY, "A1").build());
            attempts.add(call(NOW.minus(Duration.ofDays(6)), Outcome.CONNECTED, "A2").build());
            Instant oldestCounted = NOW.minus(Duration.ofHours(1 + 6 * 20));
            assertEquals(oldestCounted.plus(SEVEN_DAYS),
                    ContactHistory.of(NOW, attempts).reopensAt(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS, CAP));
        }

        @Test
        void reopeningIsTheSameWhicheverOrderTheEntriesCameIn() {
            List<ContactAttempt> nineCalls = new ArrayList<>(connectedCalls(NOW.minus(Duration.ofHours(1)), 9, 15));
            Instant expected = nineCalls.get(2).at().plus(SEVEN_DAYS);
            Collections.reverse(nineCalls);
            assertEquals(expected, ContactHistory.of(NOW, nineCalls).reopensAt(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS, CAP));
        }

        @Test
        void withACapOfZeroTheWindowNeverReopens() {
            ContactHistory history = ContactHistory.of(NOW, connectedCalls(NOW.minus(Duration.ofHours(1)), 2, 20));
            assertNull(history.reopensAt(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS, 0));
            assertNull(ContactHistory.of(NOW, List.of()).reopensAt(PLACED_CALLS_ABOUT_A1, SEVEN_DAYS, 0));
        }
    }

    @Nested
    class LastConversation {

        static final VisitDetails VISIT = new VisitDetails(1, true, false, false, false, true);

        @Test
        void noConversationMeansNoMoment() {
            ContactHistory history = ContactHistory.of(NOW, List.of(call(NOW.minusSeconds(60), Outcome.NO_ANSWER, "A1")
                    .build(), call(NOW.minusSeconds(120), Outcome.VOICEMAIL, "A1").build()));
            assertNull(history.lastConversation("A1"));
            assertNull(ContactHistory.of(NOW, List.of()).lastConversation("A1"));
        }

        @Test
        void lastConnectedCallIsTheLastConversation() {
            Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
            ContactHistory history = ContactHistory.of(NOW, List.of(connectedCall(twoDaysAgo),
                    connectedCall(NOW.minus(Duration.ofDays(5))), call(NOW.minusSeconds(60), Outcome.NO_ANSWER, "A1").build()));
            assertEquals(twoDaysAgo, history.lastConversation("A1"));
        }

        @Test
        void visitWhereTheDebtorWasMetIsAConversation() {
            Instant dayAgo = NOW.minus(Duration.ofDays(1));
            ContactAttempt met = ContactAttempt.builder().channel(Channel.VISIT).at(dayAgo).recipient(Recipient.DEBTOR)
                    .place(Place.HOME).accountIds("A1").visit(VISIT).outcome(Outcome.MET).build();
            ContactHistory history = ContactHistory.of(NOW, List.of(met, connectedCall(NOW.minus(Duration.ofDays(3)))));
            assertEquals(dayAgo, history.lastConversation("A1"));
        }

        @Test
        void conversationTheDebtorStartedCountsToo() {
            Instant hourAgo = NOW.minus(Duration.ofHours(1));
            ContactHistory history = ContactHistory.of(NOW,
                    List.of(call(hourAgo, Outcome.CONNECTED, "A1").initiatedBy(Initiator.DEBTOR).build()));
            assertEquals(hourAgo, history.lastConversation("A1"));
        }

        @Test
        void conversationAboutAnotherAccountDoesNotCount() {
            Instant hourAgo = NOW.minus(Duration.ofHours(1));
            ContactHistory history = ContactHistory.of(NOW, List.of(call(hourAgo, Outcome.CONNECTED, "A2").build(),
                    connectedCall(NOW.minus(Duration.ofDays(4)))));
            assertEquals(NOW.minus(Duration.ofDays(4)), history.lastConversation("A1"));
            assertEquals(hourAgo, history.lastConversation("A2"));
        }

        @Test
        void conversationAtOrAfterNowHasNotHappenedYet() {
            Instant dayAgo = NOW.minus(Duration.ofDays(1));
            ContactHistory history = ContactHistory.of(NOW, List.of(connectedCall(dayAgo), connectedCall(NOW),
                    connectedCall(NOW.plusSeconds(60))));
            assertEquals(dayAgo, history.lastConversation("A1"));
        }
    }
}
