package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleProblem;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules read the local day in a holiday calendar a pack declares ({@code pack.calendars}): the
 * holidays test pack denies calls on the TEST calendar's holidays and on Sundays, in Dublin, and
 * a date in a year the calendar lacks fails closed with CALENDAR-UNAVAILABLE.
 */
class HolidayRulesTest {

    private static ComplianceEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = ComplianceEngine.builder().pack(TestPacks.HOLIDAYS).build();
    }

    private static Decision decide(Channel channel, String at) {
        ProposedAction action = ProposedAction.builder().channel(channel).at(Instant.parse(at)).recipient(Recipient.DEBTOR)
                .contactPoint(MOBILE).accountIds("A1").build();
        return engine.decide(DecisionRequest.builder().id("R-1").action(action).debtor(Debtor.of("D1", "Europe/Dublin"))
                .account(Account.of("A1", Product.CREDIT_CARD, "IE", 30)).build());
    }

    private static Decision call(String at) {
        return decide(Channel.CALL, at);
    }

    @Test
    void aHolidayDeniesFromItsLocalMidnightToTheNextOne() {
        // Tuesday 2026-03-17 is a TEST holiday; Dublin is on UTC until the end of March. Within hours
        // (08:00-21:00) only the holiday rule speaks.
        assertEquals(Verdict.ALLOW, call("2026-03-16T20:59:00Z").verdict(), "the day before");
        Decision morning = call("2026-03-17T08:00:00Z");
        assertEquals(List.of("HOLIDAYS-CALL-01"), morning.ruleIds());
        assertEquals(Instant.parse("2026-03-18T08:00:00Z"), morning.nextPermittedAt(), "the next day, once hours open");
        assertEquals("No calls on a Sunday or a public holiday (2026-03-17) in the TEST calendar",
                morning.reasons().get(0).message());
        assertEquals(Verdict.DENY, call("2026-03-17T20:59:00Z").verdict(), "the holiday's last permitted minute");
        assertEquals(Verdict.ALLOW, call("2026-03-18T08:00:00Z").verdict(), "the day after");
    }

    @Test
    void atTheHolidaysLocalMidnightBothRulesSpeak() {
        Decision midnight = call("2026-03-17T00:00:00Z");
        assertEquals(List.of("HOLIDAYS-CALL-01", "HOLIDAYS-HOURS-01"), midnight.ruleIds());
        assertEquals(Instant.parse("2026-03-18T08:00:00Z"), midnight.nextPermittedAt());
        // A minute before, the 16th is not a holiday: only the hours.
        assertEquals(List.of("HOLIDAYS-HOURS-01"), call("2026-03-16T23:59:00Z").ruleIds());
    }

    @Test
    void aSundayDeniesUntilMondayInTheLocalZone() {
        // Sunday 2026-06-21: Dublin is on summer time (UTC+1). Hours open at 08:00 local, 07:00 UTC.
        assertEquals(Verdict.ALLOW, call("2026-06-20T19:59:00Z").verdict(), "Saturday, a minute before 21:00");
        Decision sunday = call("2026-06-21T07:00:00Z");
        assertEquals(List.of("HOLIDAYS-CALL-01"), sunday.ruleIds());
        assertEquals(Instant.parse("2026-06-22T07:00:00Z"), sunday.nextPermittedAt(), "Monday 08:00 in Dublin");
    }

    @Test
    void holidaysInARowAreSkippedTogether() {
        // Thursday and Friday 2026-12-24/25 are holidays; Saturday the 26th is not a Sunday or a holiday.
        assertEquals(Instant.parse("2026-12-26T08:00:00Z"), call("2026-12-24T10:00:00Z").nextPermittedAt());
    }

    @Test
    void aWorkedSaturdayIsNotAHoliday() {
        assertEquals(Verdict.ALLOW, call("2026-12-19T10:00:00Z").verdict());
    }

    @Test
    void otherChannelsAreNotTheRulesConcern() {
        assertEquals(Verdict.ALLOW, decide(Channel.LETTER, "2026-03-17T10:00:00Z").verdict());
    }

    @Test
    void aYearTheCalendarLacksFailsClosedNamingTheCalendar() {
        for (Channel channel : List.of(Channel.CALL, Channel.LETTER)) {
            Decision decision = decide(channel, "2027-01-05T10:00:00Z");
            assertEquals(Verdict.DENY, decision.verdict(), channel.name());
            assertEquals(List.of(Reason.CALENDAR_UNAVAILABLE), decision.ruleIds());
            String message = decision.reasons().get(0).message();
            assertTrue(message.contains("holiday calendar TEST") && message.contains("2027") && message.contains("holidays"),
                    message);
            assertNull(decision.nextPermittedAt());
        }
    }

    @Test
    void aDenialWhoseNextMomentFallsInAYearTheCalendarLacksKeepsItsReasonWithNoKnownEnd() {
        // Thursday 2026-12-31 at 22:00 in Dublin: outside hours until 08:00 on 2027-01-01, a date the
        // TEST calendar cannot tell; the denial stands on its own reason, its end unknown.
        Decision lateCall = call("2026-12-31T22:00:00Z");
        assertEquals(List.of("HOLIDAYS-HOURS-01"), lateCall.ruleIds());
        assertNull(lateCall.nextPermittedAt());
        // The same on 2026-12-30 reopens at 08:00 on the 31st, which the calendar holds.
        assertEquals(Instant.parse("2026-12-31T08:00:00Z"), call("2026-12-30T22:00:00Z").nextPermittedAt());
    }

    @Test
    void anUnknownCalendarIsALoadErrorAtItsLine(@TempDir Path root) {
        Path pack = TestPacks.copy(TestPacks.HOLIDAYS, root);
        Path properties = pack.resolve("pack.properties");
        TestPacks.edit(properties, "pack.calendars = TEST", "pack.calendars = TEST NOPE");
        RuleLoadException refused = assertThrows(RuleLoadException.class,
                () -> ComplianceEngine.builder().rulesDirectory(root).build());
        RuleProblem problem = refused.problems().get(0);
        assertEquals(properties.toString(), problem.file());
        assertEquals(TestPacks.lineOf(properties, "pack.calendars"), problem.line());
        assertTrue(problem.message().contains("'NOPE'") && problem.message().contains("[TEST]"), problem.message());
    }

    @Test
    void aCalendarWithoutAZoneIsALoadErrorAtItsLine(@TempDir Path root) {
        Path pack = TestPacks.copy(TestPacks.HOLIDAYS, root);
        Path properties = pack.resolve("pack.properties");
        TestPacks.edit(properties, "pack.zone = Europe/Dublin\n", "");
        RuleLoadException refused = assertThrows(RuleLoadException.class,
                () -> ComplianceEngine.builder().rulesDirectory(root).build());
        RuleProblem problem = refused.problems().get(0);
        assertEquals(TestPacks.lineOf(properties, "pack.calendars"), problem.line());
        assertTrue(problem.message().contains("pack.zone"), problem.message());
    }
}
