package org.contactguard.core.ledger;

import static org.contactguard.core.ledger.LedgerFixtures.MOBILE;
import static org.contactguard.core.ledger.LedgerFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.ledger.LedgerFixtures.account;
import static org.contactguard.core.ledger.LedgerFixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision step both ledgers share, with the ledger's transaction replaced by a list. */
class LedgerDeciderTest {

    static final String DEBTOR = "D-decider";
    /** Ten days before the call: outside the probe's 7-day window plus the 2-day margin. */
    static final Instant TEN_DAYS_BEFORE = NOON_IN_NEW_YORK.minus(Duration.ofDays(10));

    @TempDir
    Path root;

    /** A transaction over a fixed list of stored attempts, with a hook run while the history loads. */
    private static final class ListTransaction implements LedgerDecider.DebtorTransaction {
        final List<RecordedAttempt> stored = new ArrayList<>();
        final List<Instant> loadedFrom = new ArrayList<>();
        Runnable whileLoading = () -> { };
        int reserved;

        @Override
        public Instant now() {
            return null;
        }

        @Override
        public void lock(String debtorId, List<String> accountIds) {
        }

        @Override
        public Optional<LedgerDecider.Prior> prior(String debtorId, String requestId) {
            return Optional.empty();
        }

        @Override
        public List<RecordedAttempt> loadAfter(String debtorId, List<String> accountIds, Instant start, int limit) {
            loadedFrom.add(start);
            whileLoading.run();
            return stored.stream().filter(r -> r.attempt().at().isAfter(start)).toList();
        }

        @Override
        public long reserve(String debtorId, ContactAttempt attempt, String requestId, String ruleSetVersion) {
            return ++reserved;
        }
    }

    @Test
    void aReloadWhileTheHistoryLoadsLeavesTheDecisionOnTheRulesWhoseWindowLoadedIt() {
        Path probe = TestPacks.copy(TestPacks.PROBE, root);
        ComplianceEngine engine = ComplianceEngine.builder().rulesDirectory(root).build();
        RuleSet before = engine.rules();
        ListTransaction transaction = new ListTransaction();
        // Two calls ten days back: outside the 7-day window that loads the history, inside a 20-day one.
        transaction.stored.add(attempt(1, TEN_DAYS_BEFORE));
        transaction.stored.add(attempt(2, TEN_DAYS_BEFORE.plusSeconds(60)));
        transaction.whileLoading = () -> {
            TestPacks.edit(probe.resolve("pack.properties"), "callWindow = 7d", "callWindow = 20d");
            engine.reload();
        };

        LedgerDecision decision = LedgerDecider.decide(engine, before, LedgerLimits.defaults(null, null),
                call(DEBTOR, "A1", NOON_IN_NEW_YORK), transaction);

        assertNotEquals(before, engine.rules(), "the reload happened");
        assertEquals(NOON_IN_NEW_YORK.minus(Duration.ofDays(9)), transaction.loadedFrom.get(0));
        assertTrue(decision.decision().isAllowed(), decision.decision()::toString);
        assertEquals(LedgerDecider.version(before, call(DEBTOR, "A1", NOON_IN_NEW_YORK)),
                decision.decision().ruleSetVersion(), "decided on the rules that chose the window");
    }

    @Test
    void theRulesAfterTheReloadLoadTheLongerWindowAndCountTheCalls() {
        Path probe = TestPacks.copy(TestPacks.PROBE, root);
        ComplianceEngine engine = ComplianceEngine.builder().rulesDirectory(root).build();
        TestPacks.edit(probe.resolve("pack.properties"), "callWindow = 7d", "callWindow = 20d");
        engine.reload();
        ListTransaction transaction = new ListTransaction();
        transaction.stored.add(attempt(1, TEN_DAYS_BEFORE));
        transaction.stored.add(attempt(2, TEN_DAYS_BEFORE.plusSeconds(60)));

        LedgerDecision decision = LedgerDecider.decide(engine, engine.rules(), LedgerLimits.defaults(null, null),
                call(DEBTOR, "A1", NOON_IN_NEW_YORK), transaction);

        assertEquals(List.of("PROBE-CAP-01"), decision.decision().ruleIds());
    }

    @Test
    void aReservationWithoutOutcomeCountsAsPossibleConversationUntilItsExpiry() {
        ContactAttempt pending = attempt(1, NOON_IN_NEW_YORK.minusSeconds(60)).attempt();
        DecisionRequest request = call(DEBTOR, "A1", NOON_IN_NEW_YORK);

        ContactAttempt shown = LedgerDecider.withLedgerHistory(request,
                List.of(new RecordedAttempt(1, DEBTOR, pending)), Duration.ofMinutes(2)).history().get(0);

        assertNull(shown.outcome());
    }

    @Test
    void aReservationWithoutOutcomeAtItsExpiryCountsAsACallThatWasNotAConversation() {
        ContactAttempt pending = attempt(1, NOON_IN_NEW_YORK.minusSeconds(120)).attempt();
        DecisionRequest request = call(DEBTOR, "A1", NOON_IN_NEW_YORK);

        ContactAttempt shown = LedgerDecider.withLedgerHistory(request,
                List.of(new RecordedAttempt(1, DEBTOR, pending)), Duration.ofMinutes(2)).history().get(0);

        assertEquals(Outcome.VOICEMAIL, shown.outcome());
        assertFalse(shown.messageLeft());
        assertTrue(shown.connectedToNumber(), "still counted by the caps on attempts");
    }

    @Test
    void anotherDebtorsCallAboutASharedAccountIsShownAboutThatAccountOnly() {
        String joint = "J-1";
        ContactAttempt partners = ContactAttempt.builder().channel(Channel.CALL).at(NOON_IN_NEW_YORK.minusSeconds(60))
                .recipient(org.contactguard.core.model.Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(joint, "P-own").outcome(Outcome.CONNECTED).build();
        DecisionRequest own = call(DEBTOR, "A1", NOON_IN_NEW_YORK);
        DecisionRequest request = DecisionRequest.builder().id("r").debtor(own.debtor())
                .account(org.contactguard.core.model.Account.of(joint, org.contactguard.core.model.Product.CREDIT_CARD,
                        "US", 45))
                .action(org.contactguard.core.model.ProposedAction.builder().channel(Channel.CALL).at(NOON_IN_NEW_YORK)
                        .recipient(org.contactguard.core.model.Recipient.DEBTOR).contactPoint(MOBILE).accountIds(joint)
                        .build())
                .build();

        List<ContactAttempt> history = LedgerDecider.withLedgerHistory(request,
                List.of(new RecordedAttempt(7, "D-partner", partners)), Duration.ofHours(2)).history();

        assertEquals(List.of(joint), history.get(0).accountIds());
        assertEquals("co-debtor \"D-partner\": " + MOBILE.id(), history.get(0).contactPoint().id());
    }

    @Test
    void aProblemIsRepeatedToAtMostFiveHundredCharacters() {
        String bounded = LedgerDecider.bounded("x".repeat(10_000));

        assertTrue(bounded.length() < LedgerDecider.MAX_PROBLEM_LENGTH + 40, () -> String.valueOf(bounded.length()));
        assertTrue(bounded.endsWith("(9500 more characters)"), bounded);
        assertEquals("short", LedgerDecider.bounded("short"));
    }

    private static RecordedAttempt attempt(long id, Instant at) {
        ContactAttempt call = ContactAttempt.builder().channel(Channel.CALL).at(at)
                .recipient(org.contactguard.core.model.Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(account(DEBTOR, "A1")).build();
        return new RecordedAttempt(id, DEBTOR, call);
    }
}
