package org.contactguard.catalog;

import static org.contactguard.catalog.StarterFixtures.ENGINE;
import static org.contactguard.catalog.StarterFixtures.LOS_ANGELES;
import static org.contactguard.catalog.StarterFixtures.MOBILE;
import static org.contactguard.catalog.StarterFixtures.callAt;
import static org.contactguard.catalog.StarterFixtures.callRequest;
import static org.contactguard.catalog.StarterFixtures.callsEndingAt;
import static org.contactguard.catalog.StarterFixtures.newYork;
import static org.contactguard.catalog.StarterFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StarterPackTest {

    static final Instant AT_0759_LOCAL = newYork("2026-03-10T07:59");
    static final Instant AT_0800_LOCAL = newYork("2026-03-10T08:00");
    static final Instant AT_2059_LOCAL = newYork("2026-03-10T20:59");
    static final Instant AT_2100_LOCAL = newYork("2026-03-10T21:00");
    static final Instant NEXT_MORNING_0800 = newYork("2026-03-11T08:00");

    @Nested
    class PermittedHours {

        @Test
        void callOneMinuteBeforeEightIsDeniedUntilEight() {
            assertThatDecision(ENGINE, callRequest(AT_0759_LOCAL, List.of()))
                    .isDeniedBy("STARTER-HOURS-01").hasNextPermittedAt(AT_0800_LOCAL);
        }

        @Test
        void callAtEightIsAllowed() {
            assertThatDecision(ENGINE, callRequest(AT_0800_LOCAL, List.of())).isAllowed();
        }

        @Test
        void callAtEightFiftyNineInTheEveningIsAllowed() {
            assertThatDecision(ENGINE, callRequest(AT_2059_LOCAL, List.of())).isAllowed();
        }

        @Test
        void callAtNineInTheEveningIsDeniedUntilNextMorning() {
            assertThatDecision(ENGINE, callRequest(AT_2100_LOCAL, List.of()))
                    .isDeniedBy("STARTER-HOURS-01").hasNextPermittedAt(NEXT_MORNING_0800);
        }

        @Test
        void debtorInTwoZonesMustBeWithinHoursInBoth() {
            Debtor twoZones = Debtor.of("D1", "America/New_York", "America/Los_Angeles");
            // 10:30 in New York is 07:30 in Los Angeles: denied until 08:00 there, 11:00 in New York.
            assertThatDecision(ENGINE, request(callAt(newYork("2026-03-10T10:30")), twoZones, List.of()))
                    .isDeniedBy("STARTER-HOURS-01")
                    .hasNextPermittedAt(java.time.LocalDateTime.parse("2026-03-10T08:00").atZone(LOS_ANGELES).toInstant());
        }

        @Test
        void unknownZoneIsDeniedAsInvalidInputNamingTheField() {
            Debtor noZone = Debtor.of("D1");
            assertThatDecision(ENGINE, request(callAt(AT_0800_LOCAL), noZone, List.of()))
                    .isDeniedBy("INPUT-INVALID").hasMessageContaining("INPUT-INVALID", "debtor.timeZones")
                    .hasNoNextPermittedAt();
        }

        @Test
        void letterAtNightIsNotAnHoursMatter() {
            ProposedAction letter = ProposedAction.builder().channel(Channel.LETTER).at(AT_2100_LOCAL)
                    .recipient(Recipient.DEBTOR).accountIds("A1").build();
            assertThatDecision(ENGINE, request(letter, Debtor.of("D1", "America/New_York"), List.of())).isAllowed();
        }
    }

    @Nested
    class CallCap {

        static final Instant NOON = newYork("2026-03-10T12:00");

        @Test
        void seventhCallWithinSevenDaysIsAllowed() {
            List<ContactAttempt> sixCalls = callsEndingAt(NOON.minus(Duration.ofHours(1)), 6, 24, Outcome.NO_ANSWER);
            assertThatDecision(ENGINE, callRequest(NOON, sixCalls)).isAllowed();
        }

        @Test
        void eighthCallWithinSevenDaysIsDeniedUntilTheOldestLeavesTheWindow() {
            Instant lastCall = NOON.minus(Duration.ofHours(1));
            List<ContactAttempt> sevenCalls = callsEndingAt(lastCall, 7, 20, Outcome.CONNECTED);
            Instant oldest = sevenCalls.get(0).at();
            assertThatDecision(ENGINE, callRequest(NOON, sevenCalls))
                    .isDeniedBy("STARTER-FREQ-01")
                    .hasMessageContaining("STARTER-FREQ-01", "Account A1 already has 7 placed calls in the rolling 7 days;"
                            + " the cap is 7")
                    .hasNextPermittedAt(oldest.plus(Duration.ofDays(7)));
        }

        @Test
        void theReasonKeepsTheTemplateItsArgumentsAndTheCountedCallsApart() {
            List<ContactAttempt> sevenCalls = callsEndingAt(NOON.minus(Duration.ofHours(1)), 7, 20, Outcome.CONNECTED);
            Reason reason = ENGINE.decide(callRequest(NOON, sevenCalls)).reasons().get(0);
            assertEquals("Account {subject} already has {count} placed calls in the rolling {callWindow}; the cap is"
                    + " {callCap}", reason.template());
            assertEquals(Map.of("subject", "A1", "count", "7", "callWindow", "7 days", "callCap", "7"), reason.arguments());
            assertEquals(sevenCalls.stream().map(ContactAttempt::at).sorted().toList(), reason.evidence());
        }

        @Test
        void aTunedCapShowsInTheMessageBecauseTheMessageNamesTheParameter() {
            ComplianceEngine tuned = ComplianceEngine.builder().pack("starter").parameter("starter", "callCap", "5").build();
            List<ContactAttempt> fiveCalls = callsEndingAt(NOON.minus(Duration.ofHours(1)), 5, 20, Outcome.CONNECTED);
            assertThatDecision(tuned, callRequest(NOON, fiveCalls))
                    .isDeniedBy("STARTER-FREQ-01")
                    .hasMessageContaining("STARTER-FREQ-01", "already has 5 placed calls in the rolling 7 days; the cap is 5");
        }

        @Test
        void anEngineAskedForChineseWritesTheReasonInChineseWithTheSameValues() {
            ComplianceEngine chinese = ComplianceEngine.builder().pack("starter").locale("zh-CN").build();
            List<ContactAttempt> sevenCalls = callsEndingAt(NOON.minus(Duration.ofHours(1)), 7, 20, Outcome.CONNECTED);
            assertThatDecision(chinese, callRequest(NOON, sevenCalls))
                    .isDeniedBy("STARTER-FREQ-01")
                    .hasMessageContaining("STARTER-FREQ-01", "账户 A1 在滚动的 7 days 内已有 7 次外呼接通，上限为 7");
        }

        @Test
        void anEngineAskedForALanguageNoPackHasWritesEachRulesOwnMessage() {
            ComplianceEngine french = ComplianceEngine.builder().pack("starter").locale("fr-FR").build();
            List<ContactAttempt> sevenCalls = callsEndingAt(NOON.minus(Duration.ofHours(1)), 7, 20, Outcome.CONNECTED);
            assertThatDecision(french, callRequest(NOON, sevenCalls))
                    .hasMessageContaining("STARTER-FREQ-01", "Account A1 already has 7 placed calls");
        }

        @Test
        void fourCallsUnderATunedCapOfFiveAreAllowed() {
            ComplianceEngine tuned = ComplianceEngine.builder().pack("starter").parameter("starter", "callCap", "5").build();
            List<ContactAttempt> fourCalls = callsEndingAt(NOON.minus(Duration.ofHours(1)), 4, 20, Outcome.CONNECTED);
            assertThatDecision(tuned, callRequest(NOON, fourCalls)).isAllowed();
        }

        @Test
        void callExactlySevenTimesTwentyFourHoursAgoHasLeftTheWindow() {
            List<ContactAttempt> calls = new ArrayList<>(callsEndingAt(NOON.minus(Duration.ofHours(1)), 6, 20,
                    Outcome.CONNECTED));
            calls.add(ContactAttempt.call(NOON.minus(Duration.ofDays(7)), "A1", MOBILE, Outcome.CONNECTED));
            assertThatDecision(ENGINE, callRequest(NOON, calls)).isAllowed();
        }

        @Test
        void callOneMinuteLessThanSevenDaysAgoIsStillInTheWindow() {
            List<ContactAttempt> calls = new ArrayList<>(callsEndingAt(NOON.minus(Duration.ofHours(1)), 6, 20,
                    Outcome.CONNECTED));
            calls.add(ContactAttempt.call(NOON.minus(Duration.ofDays(7)).plusSeconds(60), "A1", MOBILE,
                    Outcome.CONNECTED));
            assertThatDecision(ENGINE, callRequest(NOON, calls)).isDeniedBy("STARTER-FREQ-01")
                    .hasNextPermittedAt(NOON.plusSeconds(60));
        }

        @Test
        void callsThatNeverConnectedDoNotCount() {
            List<ContactAttempt> busy = callsEndingAt(NOON.minus(Duration.ofHours(1)), 7, 20, Outcome.BUSY);
            assertThatDecision(ENGINE, callRequest(NOON, busy)).isAllowed();
        }

        @Test
        void callsAboutAnotherAccountDoNotCount() {
            List<ContactAttempt> sevenCalls = callsEndingAt(NOON.minus(Duration.ofHours(1)), 7, 20, Outcome.CONNECTED);
            assertThatDecision(ENGINE, request(callAt(NOON, "A2"), Debtor.of("D1", "America/New_York"), sevenCalls))
                    .isAllowed();
        }

        @Test
        void capReachedLateInTheDayPointsToTheNextMomentWithinHoursToo() {
            Instant evening = newYork("2026-03-10T20:30");
            // The oldest of seven calls leaves the window at 21:10, after hours: next permitted is 08:00 next day.
            List<ContactAttempt> sevenCalls = new ArrayList<>(callsEndingAt(evening.minus(Duration.ofHours(1)), 6, 2,
                    Outcome.CONNECTED));
            sevenCalls.add(ContactAttempt.call(newYork("2026-03-03T21:10"), "A1", MOBILE, Outcome.CONNECTED));
            assertThatDecision(ENGINE, callRequest(evening, sevenCalls)).isDeniedBy("STARTER-FREQ-01")
                    .hasNextPermittedAt(NEXT_MORNING_0800);
        }
    }

    @Nested
    class Cease {

        static final Instant NOON = newYork("2026-03-10T12:00");

        @Test
        void callAfterACeaseRequestIsDeniedWithNoEnd() {
            Debtor ceased = Debtor.builder("D1").zone("America/New_York")
                    .restriction(Restriction.cease(NOON.minus(Duration.ofDays(2)), true)).build();
            assertThatDecision(ENGINE, request(callAt(NOON), ceased, List.of()))
                    .isDeniedBy("STARTER-CEASE-01").hasNoNextPermittedAt();
        }

        @Test
        void callBeforeTheCeaseRequestTookEffectIsAllowed() {
            Debtor ceased = Debtor.builder("D1").zone("America/New_York")
                    .restriction(Restriction.cease(NOON.plusSeconds(60), true)).build();
            assertThatDecision(ENGINE, request(callAt(NOON), ceased, List.of())).isAllowed();
        }

        @Test
        void terminationNoticeIsStillAllowedAfterCease() {
            Debtor ceased = Debtor.builder("D1").zone("America/New_York")
                    .restriction(Restriction.cease(NOON.minus(Duration.ofDays(2)), true)).build();
            ProposedAction notice = ProposedAction.builder().channel(Channel.LETTER).at(NOON)
                    .recipient(Recipient.DEBTOR).accountIds("A1").purpose(Purpose.TERMINATION_NOTICE).build();
            assertThatDecision(ENGINE, request(notice, ceased, List.of())).isAllowed();
        }
    }
}
