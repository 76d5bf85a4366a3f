package org.contactguard.core.rules;

import static org.contactguard.core.rules.RulesFixtures.MOBILE;
import static org.contactguard.core.rules.RulesFixtures.NEW_YORK;
import static org.contactguard.core.rules.RulesFixtures.call;
import static org.contactguard.core.rules.RulesFixtures.newYork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallsPlacedTest {

    static final Instant NOON_10_MARCH = newYork("2026-03-10T12:00");
    static final Account CARD = Account.of("A1", Product.CREDIT_CARD, "US", 60);
    static final Account STUDENT_1 = new Account("S1", Product.STUDENT_LOAN, "US", 90, "SVC-9", false, null, null);
    static final Account STUDENT_2 = new Account("S2", Product.STUDENT_LOAN, "US", 90, "SVC-9", false, null, null);
    static final List<Account> ACCOUNTS = List.of(CARD, STUDENT_1, STUDENT_2);
    static final Collector AGENCY = Collector.of(CollectorKind.THIRD_PARTY_COLLECTOR);
    /** A collector with an id: calls another collector placed are not its own. */
    static final Collector COLLECTOR_C1 = new Collector(CollectorKind.THIRD_PARTY_COLLECTOR, "C1", List.of(), false, false);
    static final Debtor IN_NEW_YORK = Debtor.of("D1", "America/New_York");
    static final ContactPoint HOME = ContactPoint.of("P2", ContactPointKind.HOME_PHONE);

    static ProposedAction callAt(Instant at, String... accounts) {
        return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accounts).build();
    }

    static List<CallsPlaced> callsPlaced(ProposedAction action, Debtor debtor, List<ContactAttempt> history) {
        return CallsPlaced.of(action, debtor, ACCOUNTS, List.of(), AGENCY, ContactHistory.of(action.at(), history));
    }

    @Nested
    class WhatCounts {

        @Test
        void callsOnTheMomentsDateAndTheDatesBeforeItAreNumberedFromOne() {
            List<ContactAttempt> history = List.of(call(newYork("2026-03-04T23:59"), Outcome.NO_ANSWER, "A1").build(),
                    call(newYork("2026-03-10T08:00"), Outcome.VOICEMAIL, "A1").build());
            CallsPlaced calls = callsPlaced(callAt(NOON_10_MARCH, "A1"), IN_NEW_YORK, history).get(0);
            assertEquals(List.of(7, 1), calls.calls().stream().map(CallsPlaced.Call::day).toList());
            assertEquals(2, calls.countWithin(7, 7));
            assertEquals(1, calls.countWithin(6, 7));
        }

        @Test
        void busyCallsAndCallsTheDebtorStartedAreNotCountedButEveryNumberIs() {
            Instant hourAgo = NOON_10_MARCH.minus(Duration.ofHours(1));
            List<ContactAttempt> history = List.of(call(hourAgo, Outcome.BUSY, "A1").build(),
                    call(hourAgo, Outcome.CONNECTED, "A1").initiatedBy(Initiator.DEBTOR).build(),
                    call(hourAgo, Outcome.NO_ANSWER, "A1").contactPoint(HOME).build());
            assertEquals(1, callsPlaced(callAt(NOON_10_MARCH, "A1"), IN_NEW_YORK, history).get(0).countWithin(7, 7));
        }

        @Test
        void studentLoansUnderOneServicingNumberAreOneFactAndOtherDebtsTheirOwn() {
            List<CallsPlaced> facts = callsPlaced(callAt(NOON_10_MARCH, "S1", "S2", "A1"), IN_NEW_YORK,
                    List.of(call(NOON_10_MARCH.minusSeconds(60), Outcome.NO_ANSWER, "S2").build()));
            assertEquals(List.of("student loans serviced under SVC-9", "account A1"),
                    facts.stream().map(CallsPlaced::debt).toList());
            assertEquals(List.of("S1", "S2"), facts.get(0).accountIds());
            assertEquals(List.of(1, 0), facts.stream().map(f -> f.countWithin(7, 7)).toList());
        }

        @Test
        void theWindowReopensAtMidnightAfterTheOldestCountedDateLeaves() {
            List<ContactAttempt> history = new ArrayList<>();
            for (int day = 4; day <= 10; day++) {
                history.add(call(newYork("2026-03-%02dT09:00".formatted(day)), Outcome.NO_ANSWER, "A1").build());
            }
            CallsPlaced calls = callsPlaced(callAt(NOON_10_MARCH, "A1"), IN_NEW_YORK, history).get(0);
            assertEquals(newYork("2026-03-11T00:00"), calls.reopensAt(7, 7, 7));
            assertEquals(NOON_10_MARCH, calls.reopensAt(7, 7, 8));
        }
    }

    @Nested
    class CallbackConsent {

        static final Consent GIVEN_4_MARCH = Consent.callback(newYork("2026-03-04T10:00"), null);

        @Test
        void theConsentsDateIsDayOneOfTheMomentAndOfEachCallAfterIt() {
            Debtor consenting = Debtor.builder("D1").zone(NEW_YORK).consent(GIVEN_4_MARCH).build();
            List<ContactAttempt> history = List.of(call(newYork("2026-03-04T09:00"), Outcome.NO_ANSWER, "A1").build(),
                    call(newYork("2026-03-06T09:00"), Outcome.NO_ANSWER, "A1").build());
            CallsPlaced calls = callsPlaced(callAt(NOON_10_MARCH, "A1"), consenting, history).get(0);
            assertEquals(7, calls.callbackConsentDay());
            assertEquals(List.of(0, 3), calls.calls().stream().map(CallsPlaced.Call::callbackConsentDay).toList());
        }

        @Test
        void aConversationAfterTheConsentUsesItUp() {
            Debtor consenting = Debtor.builder("D1").zone(NEW_YORK).consent(GIVEN_4_MARCH).build();
            List<ContactAttempt> history = List.of(call(newYork("2026-03-05T09:00"), Outcome.CONNECTED, "A1").build());
            CallsPlaced calls = callsPlaced(callAt(NOON_10_MARCH, "A1"), consenting, history).get(0);
            assertEquals(0, calls.callbackConsentDay());
            assertEquals(newYork("2026-03-05T09:00"), calls.lastConversationAt());
            assertEquals(6, calls.conversationDay());
            assertEquals(newYork("2026-03-12T00:00"), calls.conversationBlockEndsAt(7));
        }

        @Test
        void earlierCallsAreExcludedForTheConsentsOwnNumberOfDatesNotTheCallWindows() {
            // Consent on 4 March at 10:00 for three dates: the 09:00 call that day came before it, the
            // calls on 5-6 March are under it, those on 7-10 March are not.
            // PlacedCalls excluded calls for the call window's seven dates instead (the same number by default).
            Debtor consenting = Debtor.builder("D1").zone(NEW_YORK).consent(GIVEN_4_MARCH).build();
            List<ContactAttempt> history = new ArrayList<>();
            for (int day = 4; day <= 10; day++) {
                history.add(call(newYork("2026-03-%02dT09:00".formatted(day)), Outcome.NO_ANSWER, "A1").build());
            }
            CallsPlaced calls = callsPlaced(callAt(NOON_10_MARCH, "A1"), consenting, history).get(0);
            assertEquals(5, calls.countWithin(7, 3));
            assertEquals(1, calls.countWithin(7, 7));
        }

        @Test
        void noConsentAndNoConversationLeaveTheDaysAtZero() {
            CallsPlaced calls = callsPlaced(callAt(NOON_10_MARCH, "A1"), IN_NEW_YORK, List.of()).get(0);
            assertEquals(0, calls.callbackConsentDay());
            assertEquals(0, calls.conversationDay());
            assertNull(calls.lastConversationAt());
            assertNull(calls.conversationBlockEndsAt(7));
        }
    }

    @Nested
    class ToOneNumber {

        @Test
        void callsEarlierTodayCountWithTheProposedOneAndTheLastCallIsKept() {
            List<ContactAttempt> history = List.of(call(newYork("2026-03-09T23:00"), Outcome.NO_ANSWER, "A1").build(),
                    call(newYork("2026-03-10T11:58"), Outcome.BUSY, "A2").build(),
                    call(newYork("2026-03-10T11:59"), Outcome.NO_ANSWER, "A1").contactPoint(HOME).build());
            RecentCallsToNumber calls = RecentCallsToNumber.of(callAt(NOON_10_MARCH, "A1"), IN_NEW_YORK, AGENCY,
                    ContactHistory.of(NOON_10_MARCH, history));
            assertEquals(2, calls.callsTodayIncludingThis());
            assertEquals(Outcome.BUSY, calls.lastCallOutcome());
            assertEquals(Duration.ofMinutes(2), calls.sinceLastCall());
        }

        @Test
        void withoutANumberNothingIsCounted() {
            ProposedAction noNumber = ProposedAction.builder().channel(Channel.LETTER).at(NOON_10_MARCH)
                    .recipient(Recipient.DEBTOR).accountIds("A1").build();
            RecentCallsToNumber calls = RecentCallsToNumber.of(noNumber, IN_NEW_YORK, AGENCY, ContactHistory.of(NOON_10_MARCH,
                    List.of(call(NOON_10_MARCH.minusSeconds(60), Outcome.NO_ANSWER, "A1").build())));
            assertEquals(0, calls.callsTodayIncludingThis());
            assertNull(calls.sinceLastCall());
        }
    }

    // While PlacedCalls still serves the overlays: the facts give its answers on random requests.

    @Property(tries = 400)
    void theFactsAgreeWithPlacedCalls(@ForAll("actions") ProposedAction action, @ForAll("histories") List<ContactAttempt> history,
            @ForAll("debtors") Debtor debtor, @ForAll("thirdParties") List<ThirdParty> parties) {
        ContactHistory seen = ContactHistory.of(action.at(), history);
        PlacedCalls old = PlacedCalls.of(action, debtor, ACCOUNTS, parties, COLLECTOR_C1, seen);
        List<CallsPlaced> facts = CallsPlaced.of(action, debtor, ACCOUNTS, parties, COLLECTOR_C1, seen);
        for (int days : new int[] {1, 3, 7}) {
            List<PlacedCalls.DebtCalls> debts = old.perDebt(days);
            List<PlacedCalls.Conversation> talks = old.conversationsWithin(days);
            assertEquals(debts.size(), facts.size());
            for (int i = 0; i < facts.size(); i++) {
                CallsPlaced fact = facts.get(i);
                assertEquals(debts.get(i).debt(), fact.debt());
                assertEquals(debts.get(i).getPlaced(), fact.countWithin(days, days), "placed, " + days + " dates");
                assertEquals(debts.get(i).reopensAt(3), fact.reopensAt(days, days, 3));
                boolean blocks = fact.conversationDay() > 0 && fact.conversationDay() <= days;
                PlacedCalls.Conversation talk = talks.stream().filter(t -> t.debt().equals(fact.debt())).findFirst()
                        .orElse(null);
                assertEquals(talk != null, blocks, "conversation, " + days + " dates");
                if (talk != null) {
                    assertEquals(talk.blockEndsAt(), fact.conversationBlockEndsAt(days));
                }
            }
            boolean under = !facts.isEmpty() && facts.get(0).callbackConsentDay() > 0
                    && facts.get(0).callbackConsentDay() <= days;
            assertEquals(old.underCallbackConsent(days), under, "callback consent, " + days + " dates");
        }
        RecentCallsToNumber number = RecentCallsToNumber.of(action, debtor, COLLECTOR_C1, seen);
        assertEquals(old.callsToNumberTodayIncludingThis(), number.callsTodayIncludingThis());
        for (Duration window : List.of(Duration.ofMinutes(5), Duration.ofHours(20))) {
            boolean rapid = number.sinceLastCall() != null && number.sinceLastCall().compareTo(window) < 0
                    && (number.lastCallOutcome() == Outcome.NO_ANSWER || number.lastCallOutcome() == Outcome.VOICEMAIL
                            || number.lastCallOutcome() == Outcome.BUSY);
            assertEquals(old.redialsUnansweredWithin(window), rapid);
        }
    }

    @Provide
    Arbitrary<ProposedAction> actions() {
        Arbitrary<Instant> at = Arbitraries.integers().between(0, 60 * 24 * 3).map(m -> NOON_10_MARCH.plusSeconds(60L * m));
        return Combinators.combine(at, Arbitraries.of(List.of("A1"), List.of("S1"), List.of("S1", "S2", "A1"), List.of("X9")),
                Arbitraries.of("D", "T1", "T2"), Arbitraries.of(MOBILE, HOME)).as((when, accounts, who, number) -> {
                    ProposedAction.Builder b = ProposedAction.builder().channel(Channel.CALL).at(when)
                            .accountIds(accounts.toArray(String[]::new));
                    b = who.equals("D") ? b.recipient(Recipient.DEBTOR) : b.recipient(Recipient.NEIGHBOUR).thirdPartyId(who);
                    return b.contactPoint(number).build();
                });
    }

    @Provide
    Arbitrary<List<ContactAttempt>> histories() {
        Arbitrary<Instant> at = Arbitraries.integers().between(-60 * 24 * 12, 0).map(m -> NOON_10_MARCH.plusSeconds(60L * m - 1));
        Arbitrary<ContactAttempt> attempt = Combinators.combine(at, Arbitraries.of(Outcome.values()).injectNull(0.1),
                Arbitraries.of("A1", "S1", "S2", "X9"), Arbitraries.of(Initiator.values()),
                Arbitraries.of("D", "T1", "T2"), Arbitraries.of(MOBILE, HOME), Arbitraries.of("C1", "C2").injectNull(0.5))
                .as((when, outcome, account, initiator, who, point, collector) -> {
                    ContactAttempt.Builder b = ContactAttempt.builder().channel(Channel.CALL).at(when).contactPoint(point)
                            .accountIds(account).initiatedBy(who.equals("D") && initiator == Initiator.THIRD_PARTY
                                    ? Initiator.DEBTOR : !who.equals("D") && initiator == Initiator.DEBTOR
                                            ? Initiator.THIRD_PARTY : initiator)
                            .outcome(outcome).collectorId(collector);
                    return who.equals("D") ? b.recipient(Recipient.DEBTOR).build()
                            : b.recipient(Recipient.NEIGHBOUR).thirdPartyId(who).build();
                });
        return attempt.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Debtor> debtors() {
        Arbitrary<Instant> given = Arbitraries.integers().between(-60 * 24 * 12, 60 * 24)
                .map(m -> NOON_10_MARCH.plusSeconds(60L * m));
        Arbitrary<Consent> consent = given.flatMap(g -> Arbitraries.of(0, 1, 5).map(days -> Consent.callback(g,
                days == 0 ? null : g.plus(Duration.ofDays(days)))));
        return Combinators.combine(consent.list().ofMaxSize(2), Arbitraries.of("America/New_York", "Pacific/Kiritimati"))
                .as((consents, zone) -> {
                    Debtor.Builder b = Debtor.builder("D1").zones(zone);
                    consents.forEach(b::consent);
                    return b.build();
                });
    }

    @Provide
    Arbitrary<List<ThirdParty>> thirdParties() {
        return Arbitraries.of(true, false).map(asked -> List.of(
                new ThirdParty("T1", Recipient.NEIGHBOUR, false, null, asked),
                new ThirdParty("T2", Recipient.NEIGHBOUR, false, null, false)));
    }
}
