package org.contactguard.core.rules;

import static org.contactguard.core.rules.RulesFixtures.EMAIL;
import static org.contactguard.core.rules.RulesFixtures.MOBILE;
import static org.contactguard.core.rules.RulesFixtures.NEW_YORK;
import static org.contactguard.core.rules.RulesFixtures.call;
import static org.contactguard.core.rules.RulesFixtures.newYork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MeasureTest {

    static final Instant NOON = newYork("2026-03-10T12:00");
    static final Duration WEEK = Duration.ofDays(7);
    static final Measure PLACED_CALLS_PER_ACCOUNT_ROLLING_WEEK = new Measure("placedCalls", Channel.CALL,
            Initiator.COLLECTOR, null, true, null, Measure.Per.ACCOUNT, WEEK, 0, 2);
    static final Measure CALLS_PER_ACCOUNT_IN_SEVEN_DATES = new Measure("callsInDates", Channel.CALL, null, null, false,
            null, Measure.Per.ACCOUNT, null, 7, 2);

    static ProposedAction callAbout(String... accounts) {
        return ProposedAction.builder().channel(Channel.CALL).at(NOON).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accounts).build();
    }

    static List<Tally> tally(Measure measure, ProposedAction action, ContactAttempt... history) {
        return measure.tally(action, "D1", ContactHistory.of(NOON, List.of(history)), List.of(NEW_YORK));
    }

    @Nested
    class RollingWindow {

        @Test
        void aCallExactlyOneWindowAgoHasLeftAndOneJustAfterCounts() {
            Instant leftAlready = NOON.minus(WEEK);
            Instant stillIn = leftAlready.plusSeconds(1);
            List<Tally> tallies = tally(PLACED_CALLS_PER_ACCOUNT_ROLLING_WEEK, callAbout("A1"),
                    call(leftAlready, Outcome.CONNECTED, "A1").build(), call(stillIn, Outcome.CONNECTED, "A1").build());
            assertEquals(1, tallies.get(0).count());
            assertEquals(List.of(stillIn), tallies.get(0).evidence());
        }

        @Test
        void busyCallsAndCallsTheDebtorStartedDoNotCountButConnectedOnesDo() {
            Instant hourAgo = NOON.minus(Duration.ofHours(1));
            List<Tally> tallies = tally(PLACED_CALLS_PER_ACCOUNT_ROLLING_WEEK, callAbout("A1"),
                    call(hourAgo, Outcome.BUSY, "A1").build(),
                    call(hourAgo, Outcome.CONNECTED, "A1").initiatedBy(Initiator.DEBTOR).build(),
                    call(hourAgo, Outcome.NO_ANSWER, "A1").build());
            assertEquals(1, tallies.get(0).count());
        }

        @Test
        void aFullWindowReopensWhenTheOldestCountedCallLeavesIt() {
            Instant first = NOON.minus(Duration.ofDays(3));
            Instant second = NOON.minus(Duration.ofDays(1));
            Tally full = tally(PLACED_CALLS_PER_ACCOUNT_ROLLING_WEEK, callAbout("A1"),
                    call(second, Outcome.CONNECTED, "A1").build(), call(first, Outcome.CONNECTED, "A1").build()).get(0);
            assertEquals(2, full.count());
            assertEquals(first.plus(WEEK), full.reopensAt());
            assertEquals(true, full.isFull());
        }

        @Test
        void aWindowUnderItsCapIsOpenNow() {
            Tally open = tally(PLACED_CALLS_PER_ACCOUNT_ROLLING_WEEK, callAbout("A1"),
                    call(NOON.minus(Duration.ofDays(1)), Outcome.CONNECTED, "A1").build()).get(0);
            assertEquals(NOON, open.reopensAt());
            assertEquals(false, open.isFull());
        }

        @Test
        void eachAccountOfTheActionGetsItsOwnTallyAndACallAboutBothCountsForEach() {
            List<Tally> tallies = tally(PLACED_CALLS_PER_ACCOUNT_ROLLING_WEEK, callAbout("A1", "A2"),
                    call(NOON.minusSeconds(60), Outcome.CONNECTED, "A1", "A2").build(),
                    call(NOON.minusSeconds(30), Outcome.CONNECTED, "A2").build());
            assertEquals(List.of("A1", "A2"), tallies.stream().map(Tally::subject).toList());
            assertEquals(List.of(1, 2), tallies.stream().map(Tally::count).toList());
        }

        @Test
        void aZeroCapNeverReopens() {
            Measure closed = new Measure("none", Channel.CALL, null, null, false, null, Measure.Per.ACCOUNT, WEEK, 0, 0);
            assertNull(tally(closed, callAbout("A1")).get(0).reopensAt());
        }
    }

    @Nested
    class CalendarDates {

        @Test
        void theSeventhDateBackCountsAndTheEighthDoesNot() {
            Instant seventhDateBack = newYork("2026-03-04T00:00");
            Instant eighthDateBack = newYork("2026-03-03T23:59");
            Tally tally = tally(CALLS_PER_ACCOUNT_IN_SEVEN_DATES, callAbout("A1"),
                    call(seventhDateBack, Outcome.NO_ANSWER, "A1").build(),
                    call(eighthDateBack, Outcome.NO_ANSWER, "A1").build()).get(0);
            assertEquals(List.of(seventhDateBack), tally.evidence());
        }

        @Test
        void aFullDateWindowReopensAtLocalMidnightAfterTheOldestCountedDateLeaves() {
            Tally full = tally(CALLS_PER_ACCOUNT_IN_SEVEN_DATES, callAbout("A1"),
                    call(newYork("2026-03-05T10:00"), Outcome.NO_ANSWER, "A1").build(),
                    call(newYork("2026-03-09T10:00"), Outcome.NO_ANSWER, "A1").build()).get(0);
            assertEquals(newYork("2026-03-12T00:00"), full.reopensAt());
        }
    }

    @Nested
    class Subjects {

        @Test
        void perContactPointCountsOnlyTheSameNumber() {
            Measure perNumber = new Measure("toNumber", null, null, null, false, null, Measure.Per.CONTACT_POINT, WEEK,
                    0, 3);
            ContactAttempt toMobile = call(NOON.minusSeconds(60), Outcome.NO_ANSWER, "A1").build();
            ContactAttempt email = ContactAttempt.builder().channel(Channel.EMAIL).at(NOON.minusSeconds(30))
                    .recipient(Recipient.DEBTOR).contactPoint(EMAIL).accountIds("A1").outcome(Outcome.DELIVERED).build();
            Tally tally = tally(perNumber, callAbout("A1"), toMobile, email).get(0);
            assertEquals("P1", tally.subject());
            assertEquals(1, tally.count());
        }

        @Test
        void perDebtorCountsEveryAccountAndFiltersByRecipient() {
            Measure debtorOnly = new Measure("toDebtor", null, null, Recipient.DEBTOR, false, null, Measure.Per.DEBTOR,
                    WEEK, 0, 3);
            Tally tally = tally(debtorOnly, callAbout("A1"), call(NOON.minusSeconds(60), Outcome.NO_ANSWER, "A9").build())
                    .get(0);
            assertEquals("D1", tally.subject());
            assertEquals(1, tally.count());
        }
    }
}
