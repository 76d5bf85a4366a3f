package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules and values in force at {@code action.at} decide, with the dated pack's dates starting at
 * local midnight in Los Angeles ({@code pack.zone}): DATED-SMS-01 from 2027-03-01, DATED-EMAIL-01
 * until 2027-03-01, and callCap lowered from 7 to 5 on 2027-01-01.
 */
class EffectiveDatesTest {

    /** Midnight at the start of 2027-03-01 in Los Angeles (PST, UTC-8). */
    static final Instant MARCH_FIRST_LA = Instant.parse("2027-03-01T08:00:00Z");
    static final Instant MINUTE_BEFORE_MARCH_FIRST = MARCH_FIRST_LA.minus(Duration.ofMinutes(1));
    static final Instant MINUTE_AFTER_MARCH_FIRST = MARCH_FIRST_LA.plus(Duration.ofMinutes(1));
    /** Midnight at the start of 2027-01-01 in Los Angeles, when callCap becomes 5. */
    static final Instant NEW_YEAR_LA = Instant.parse("2027-01-01T08:00:00Z");
    static final ContactPoint INBOX = ContactPoint.of("E1", ContactPointKind.EMAIL);
    static final Account A1 = Account.of("A1", Product.CREDIT_CARD, "US", 45);
    static final Debtor DEBTOR_IN_LOS_ANGELES = Debtor.of("D1", "America/Los_Angeles");

    private static ComplianceEngine dated;

    @BeforeAll
    static void buildEngine() {
        dated = ComplianceEngine.builder().pack(TestPacks.DATED).build();
    }

    static DecisionRequest.Builder request(ProposedAction action) {
        return DecisionRequest.builder().id("R-1").action(action).debtor(DEBTOR_IN_LOS_ANGELES).account(A1);
    }

    static ProposedAction email(Instant at) {
        return ProposedAction.builder().channel(Channel.EMAIL).at(at).recipient(Recipient.DEBTOR).contactPoint(INBOX)
                .accountIds("A1").build();
    }

    static ProposedAction sms(Instant at) {
        return ProposedAction.builder().channel(Channel.SMS).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds("A1").build();
    }

    static ProposedAction call(Instant at) {
        return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds("A1").build();
    }

    /** {@code count} unanswered calls about A1, one an hour, the last a day before {@code at}. */
    static List<ContactAttempt> callsBefore(Instant at, int count) {
        List<ContactAttempt> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(ContactAttempt.call(at.minus(Duration.ofDays(1)).minus(Duration.ofHours(i)), "A1", MOBILE,
                    Outcome.NO_ANSWER));
        }
        return calls;
    }

    @Nested
    class ARuleThatExpires {

        @Test
        void aMinuteBeforeItsExpiryItDeniesAndReopensAtTheExpiry() {
            Decision decision = dated.decide(request(email(MINUTE_BEFORE_MARCH_FIRST)).build());
            assertEquals(List.of("DATED-EMAIL-01"), decision.ruleIds());
            assertEquals(MARCH_FIRST_LA, decision.nextPermittedAt());
        }

        @Test
        void aMinuteAfterItsExpiryItNoLongerDenies() {
            assertEquals(Verdict.ALLOW, dated.decide(request(email(MINUTE_AFTER_MARCH_FIRST)).build()).verdict());
        }

        @Test
        void atTheExpiryItselfItIsNoLongerInForce() {
            assertEquals(Verdict.ALLOW, dated.decide(request(email(MARCH_FIRST_LA)).build()).verdict());
        }
    }

    @Nested
    class ARuleThatStarts {

        @Test
        void aMinuteBeforeItsEffectiveDateItDoesNotDeny() {
            assertEquals(Verdict.ALLOW, dated.decide(request(sms(MINUTE_BEFORE_MARCH_FIRST)).build()).verdict());
        }

        @Test
        void aMinuteAfterItsEffectiveDateItDenies() {
            Decision decision = dated.decide(request(sms(MINUTE_AFTER_MARCH_FIRST)).build());
            assertEquals(List.of("DATED-SMS-01"), decision.ruleIds());
            assertNull(decision.nextPermittedAt());
        }

        @Test
        void itsEffectiveDateStartsAtLocalMidnightInThePacksZoneNotInUtc() {
            // 2027-03-01T00:30Z is still 28 February in Los Angeles.
            assertEquals(Verdict.ALLOW, dated.decide(request(sms(Instant.parse("2027-03-01T00:30:00Z"))).build())
                    .verdict());
        }
    }

    @Nested
    class ADatedParameterValue {

        @Test
        void aMinuteBeforeTheLowerCapStartsTheSixthCallIsAllowed() {
            Decision decision = dated.decide(request(call(NEW_YEAR_LA.minus(Duration.ofMinutes(1))))
                    .history(callsBefore(NEW_YEAR_LA.minus(Duration.ofMinutes(1)), 5)).build());
            assertEquals(Verdict.ALLOW, decision.verdict());
        }

        @Test
        void aMinuteAfterTheLowerCapStartsTheSixthCallIsDenied() {
            Decision decision = dated.decide(request(call(NEW_YEAR_LA.plus(Duration.ofMinutes(1))))
                    .history(callsBefore(NEW_YEAR_LA.plus(Duration.ofMinutes(1)), 5)).build());
            assertEquals(List.of("DATED-CAP-01"), decision.ruleIds());
            assertEquals("Account A1 already has 5 placed calls in the rolling 7 days; the cap is 5",
                    decision.reasons().get(0).message());
        }

        @Test
        void aDenialUnderTheOldCapReopensOnlyWhenTheNewCapIsMet() {
            Instant at = Instant.parse("2026-12-31T12:00:00Z");
            List<ContactAttempt> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(ContactAttempt.call(Instant.parse("2026-12-26T12:00:00Z").plus(Duration.ofMinutes(10L * i)),
                        "A1", MOBILE, Outcome.NO_ANSWER));
            }
            for (int i = 0; i < 4; i++) {
                calls.add(ContactAttempt.call(Instant.parse("2026-12-30T12:00:00Z").plus(Duration.ofMinutes(10L * i)),
                        "A1", MOBILE, Outcome.NO_ANSWER));
            }
            Decision decision = dated.decide(request(call(at)).history(calls).build());
            assertEquals(List.of("DATED-CAP-01"), decision.ruleIds());
            // Under a cap of 7 the first call leaving the window (2027-01-02 12:00Z) would reopen it; from
            // 2027-01-01 the cap is 5, so all three calls of 26 December must leave first.
            assertEquals(Instant.parse("2027-01-02T12:20:00Z"), decision.nextPermittedAt());
        }
    }

    @Nested
    class WhatIsInForce {

        @Test
        void theRulesInForceAtAMomentListOnlyThoseRules() {
            RuleSet before = dated.rules().variant(null, MINUTE_BEFORE_MARCH_FIRST);
            RuleSet after = dated.rules().variant(null, MINUTE_AFTER_MARCH_FIRST);
            assertEquals(List.of("DATED-CAP-01", "DATED-VISIT-01", "DATED-EMAIL-01", "DATED-AUTO-01"),
                    before.pack(TestPacks.DATED).rules().stream().map(RuleInfo::id).toList());
            assertEquals(List.of("DATED-CAP-01", "DATED-VISIT-01", "DATED-SMS-01", "DATED-AUTO-01"),
                    after.pack(TestPacks.DATED).rules().stream().map(RuleInfo::id).toList());
        }

        @Test
        void theValuesInForceChangeOnTheirDate() {
            assertEquals(7, dated.rules().variant(null, NEW_YEAR_LA.minusSeconds(1)).pack(TestPacks.DATED)
                    .parameters().get("callCap"));
            assertEquals(5, dated.rules().variant(null, NEW_YEAR_LA).pack(TestPacks.DATED).parameters().get("callCap"));
        }

        @Test
        void theVersionSaysWhichPeriodDecided() {
            Decision before = dated.decide(request(email(MINUTE_BEFORE_MARCH_FIRST)).build());
            Decision after = dated.decide(request(email(MINUTE_AFTER_MARCH_FIRST)).build());
            assertNotEquals(before.ruleSetVersion(), after.ruleSetVersion());
            assertEquals(after.ruleSetVersion(), dated.decide(request(email(MINUTE_AFTER_MARCH_FIRST.plusSeconds(60)))
                    .build()).ruleSetVersion());
        }

        @Test
        void theChangesAreTheLocalMidnightsOfEveryDate() {
            assertEquals(List.of(NEW_YEAR_LA, MARCH_FIRST_LA), dated.rules().changes());
        }

        @Test
        void rulesWithoutDatesAreTheirOwnOnlyVariant() {
            RuleSet probe = ComplianceEngine.builder().pack(TestPacks.PROBE).build().rules();
            assertSame(probe, probe.variant(null, MARCH_FIRST_LA));
            assertEquals(List.of(), probe.changes());
        }
    }
}
