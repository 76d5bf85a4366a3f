package org.contactguard.core.ledger;

import static org.contactguard.core.ledger.LedgerFixtures.MOBILE;
import static org.contactguard.core.ledger.LedgerFixtures.account;
import static org.contactguard.core.ledger.LedgerFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.ledger.LedgerFixtures.call;
import static org.contactguard.core.ledger.LedgerFixtures.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.ContactPointSource;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Visibility;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContactLedger} must do, run against each implementation. Each test works on
 * debtors of its own (a fresh id), so implementations backed by a shared database need no cleanup.
 */
abstract class ContactLedgerContract {

    private ContactLedger ledger;
    private String debtor;

    /** A ledger deciding with {@code LedgerFixtures.engine()}. */
    abstract ContactLedger newLedger();

    @BeforeEach
    void openLedger() {
        ledger = newLedger();
        debtor = "D-" + UUID.randomUUID();
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    ContactLedger ledger() {
        return ledger;
    }

    @Test
    void allowedCallsAreRecordedAsReservedAndCountTowardsTheCap() {
        LedgerDecision first = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK));
        LedgerDecision second = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(60)));
        LedgerDecision third = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(120)));

        assertTrue(first.decision().isAllowed(), first.decision()::toString);
        assertTrue(second.decision().isAllowed(), second.decision()::toString);
        assertEquals(List.of("PROBE-CAP-01"), third.decision().ruleIds());
        assertTrue(third.attemptId().isEmpty());
        List<RecordedAttempt> history = ledger.history(debtor, NOON_IN_NEW_YORK, NOON_IN_NEW_YORK.plusSeconds(3600));
        assertEquals(List.of(first.attemptId().getAsLong(), second.attemptId().getAsLong()),
                history.stream().map(RecordedAttempt::id).toList());
        assertTrue(history.stream().allMatch(RecordedAttempt::pending));
        assertEquals(call(debtor, "A1", NOON_IN_NEW_YORK).action().channel(), history.get(0).attempt().channel());
        assertEquals(NOON_IN_NEW_YORK, history.get(0).attempt().at());
    }

    @Test
    void theCapIsPerAccountAsThePackSays() {
        ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK));
        ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(60)));

        assertTrue(ledger.decideAndRecord(call(debtor, "A2", NOON_IN_NEW_YORK.plusSeconds(120))).decision().isAllowed());
    }

    @Test
    void theRequestsOwnHistoryIsReplacedByTheLedgers() {
        DecisionRequest request = call(debtor, "A1", NOON_IN_NEW_YORK);
        DecisionRequest withTwoCalls = request.withHistory(List.of(
                ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(7200), account(debtor, "A1"), MOBILE, Outcome.CONNECTED),
                ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(3600), account(debtor, "A1"), MOBILE, Outcome.CONNECTED)));

        assertTrue(ledger.decideAndRecord(withTwoCalls).decision().isAllowed());
    }

    @Test
    void aDeniedDecisionRecordsNothing() {
        DecisionRequest atNight = call(debtor, "A1", Instant.parse("2026-01-15T03:00:00Z"));

        LedgerDecision decision = ledger.decideAndRecord(atNight);

        assertEquals(List.of("PROBE-HOURS-01"), decision.decision().ruleIds());
        assertTrue(ledger.history(debtor, Instant.EPOCH, Instant.MAX).isEmpty());
    }

    @Test
    void aReservationUpdatedToAnOutcomeThatDidNotConnectStopsCounting() {
        long first = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).attemptId().getAsLong();
        ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(60)));

        ledger.updateOutcome(first, Outcome.BUSY, false);

        assertTrue(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(120))).decision().isAllowed());
        RecordedAttempt updated = ledger.history(debtor, NOON_IN_NEW_YORK, NOON_IN_NEW_YORK.plusSeconds(1)).get(0);
        assertEquals(Outcome.BUSY, updated.attempt().outcome());
        assertFalse(updated.pending());
    }

    @Test
    void aVoicemailOutcomeKeepsWhetherAMessageWasLeft() {
        long id = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).attemptId().getAsLong();

        ledger.updateOutcome(id, Outcome.VOICEMAIL, true);

        ContactAttempt stored = ledger.history(debtor, Instant.EPOCH, Instant.MAX).get(0).attempt();
        assertEquals(Outcome.VOICEMAIL, stored.outcome());
        assertTrue(stored.messageLeft());
    }

    @Test
    void updatingAnAttemptTheLedgerDoesNotHoldFails() {
        assertThrows(NoSuchElementException.class, () -> ledger.updateOutcome(Long.MAX_VALUE - 7, Outcome.CONNECTED, false));
    }

    @Test
    void anAttemptRecordedAtOrAfterTheActionsMomentStillCounts() {
        // Another dialer's clock runs ahead: its calls are in the ledger with later times.
        ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK, account(debtor, "A1"), MOBILE, Outcome.NO_ANSWER));
        ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK.plusSeconds(5), account(debtor, "A1"), MOBILE, Outcome.NO_ANSWER));

        assertEquals(List.of("PROBE-CAP-01"),
                ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).decision().ruleIds());
    }

    @Test
    void historyAboutAnAccountTheRequestDoesNotHoldIsInvalidInput() {
        ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(60), "A9", MOBILE, Outcome.NO_ANSWER));

        LedgerDecision decision = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK));

        assertEquals(List.of(Reason.INPUT_INVALID), decision.decision().ruleIds());
        assertTrue(decision.decision().reasons().get(0).message().startsWith("accounts: the ledger holds contact attempt"),
                decision.decision().reasons().get(0).message());
    }

    @Test
    void aContactPointDescribedDifferentlySinceIsShownAsTheActionDescribesIt() {
        ContactPoint sharedNow = new ContactPoint("P1", ContactPointKind.MOBILE, false, ContactPointSource.UNKNOWN, true);
        ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(60), account(debtor, "A1"), MOBILE, Outcome.NO_ANSWER));
        DecisionRequest request = call(debtor, "A1", NOON_IN_NEW_YORK);
        DecisionRequest redescribed = request.withAction(
                org.contactguard.core.model.ProposedAction.builder().channel(Channel.CALL).at(NOON_IN_NEW_YORK)
                        .recipient(Recipient.DEBTOR).contactPoint(sharedNow).accountIds(account(debtor, "A1")).build());

        assertTrue(ledger.decideAndRecord(redescribed).decision().isAllowed());
    }

    @Test
    void aNullRequestIsDeniedNotThrown() {
        assertEquals(List.of(Reason.INPUT_INVALID), ledger.decideAndRecord(null).decision().ruleIds());
    }

    @Test
    void everyFieldOfAnAttemptSurvivesTheLedger() {
        ContactPoint home = new ContactPoint("H-7", ContactPointKind.HOME_PHONE, true, ContactPointSource.PUBLIC_RECORD, true);
        ContactAttempt visit = ContactAttempt.builder().channel(Channel.VISIT).at(NOON_IN_NEW_YORK.minusSeconds(86_400))
                .recipient(Recipient.SPOUSE).thirdPartyId("T-1").contactPoint(home).place(Place.HOME)
                .accountIds(account(debtor, "A1"), account(debtor, "A2")).purpose(Purpose.VISIT_NOTICE).initiatedBy(Initiator.THIRD_PARTY).automated(true)
                .viaPersonalDevice(true).visibility(Visibility.PUBLIC).content("Bonjour «ça va» \u4f60\u597d")
                .leavesMessage(true).identifiesCaller(false).disclosesDebt(true)
                .visit(new VisitDetails(3, true, true, false, true, true)).collectorId("C-9")
                .outcome(Outcome.VOICEMAIL).messageLeft(true).build();
        ContactAttempt bare = ContactAttempt.builder().channel(Channel.LETTER).at(NOON_IN_NEW_YORK.minusSeconds(3600))
                .recipient(Recipient.DEBTOR).accountIds(account(debtor, "A2")).build();

        // prerecorded is a call's alone, so it travels on a call of its own.
        ContactAttempt robocall = ContactAttempt.builder().channel(Channel.CALL).at(NOON_IN_NEW_YORK.minusSeconds(7200))
                .recipient(Recipient.DEBTOR).contactPoint(home).accountIds(account(debtor, "A1")).automated(true)
                .prerecorded(true).outcome(Outcome.NO_ANSWER).build();

        long visitId = ledger.record(debtor, visit);
        long robocallId = ledger.record(debtor, robocall);
        long bareId = ledger.record(debtor, bare);

        List<RecordedAttempt> history = ledger.history(debtor, Instant.EPOCH, NOON_IN_NEW_YORK);
        assertEquals(List.of(new RecordedAttempt(visitId, debtor, visit), new RecordedAttempt(robocallId, debtor, robocall),
                new RecordedAttempt(bareId, debtor, bare)), history);
        assertNull(history.get(2).attempt().outcome());
    }

    @Test
    void historyIsTheHalfOpenRangeOldestFirst() {
        Instant t0 = NOON_IN_NEW_YORK;
        long later = ledger.record(debtor, ContactAttempt.call(t0.plusSeconds(10), account(debtor, "A1"), MOBILE, Outcome.CONNECTED));
        long first = ledger.record(debtor, ContactAttempt.call(t0, account(debtor, "A1"), MOBILE, Outcome.CONNECTED));
        ledger.record(debtor, ContactAttempt.call(t0.plusSeconds(20), account(debtor, "A1"), MOBILE, Outcome.CONNECTED));
        ledger.record("other-" + debtor, ContactAttempt.call(t0.plusSeconds(5), account("other-" + debtor, "A1"), MOBILE, Outcome.CONNECTED));

        assertEquals(List.of(first, later), ledger.history(debtor, t0, t0.plusSeconds(20)).stream()
                .map(RecordedAttempt::id).toList());
    }

    @Test
    void theHistoryWindowIsTheLongestPackWindowPlusTheMargin() {
        assertEquals(Duration.ofDays(7).plus(LedgerDecider.HISTORY_MARGIN), ledger.historyWindow());
    }

    @Test
    void purgingExpiredAttemptsKeepsEverythingADecisionStillNeeds() {
        Instant now = NOON_IN_NEW_YORK;
        Duration window = ledger.historyWindow();
        ledger.record(debtor, ContactAttempt.call(now.minus(window).minusSeconds(1), account(debtor, "A1"), MOBILE, Outcome.CONNECTED));
        long kept = ledger.record(debtor, ContactAttempt.call(now.minus(window), account(debtor, "A1"), MOBILE, Outcome.CONNECTED));

        assertTrue(ledger.purgeExpired(now) >= 1);

        assertEquals(List.of(kept), ledger.history(debtor, Instant.EPOCH, Instant.MAX).stream()
                .map(RecordedAttempt::id).toList());
    }

    // Outcomes are set once (issue 14, item 3).

    @Test
    void aLateOutcomeCannotRewriteOneAlreadySet() {
        long withdrawn = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).attemptId().getAsLong();
        ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(60)));
        ledger.updateOutcome(withdrawn, Outcome.FAILED, false);
        assertTrue(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(120))).decision().isAllowed());

        OutcomeConflictException late = assertThrows(OutcomeConflictException.class,
                () -> ledger.updateOutcome(withdrawn, Outcome.CONNECTED, false));

        assertEquals(withdrawn, late.attemptId());
        assertTrue(late.getMessage().contains("already ended FAILED"), late.getMessage());
        assertEquals(Outcome.FAILED, ledger.history(debtor, NOON_IN_NEW_YORK, NOON_IN_NEW_YORK.plusSeconds(1)).get(0)
                .attempt().outcome());
        assertEquals(List.of("PROBE-CAP-01"),
                ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(180))).decision().ruleIds());
    }

    @Test
    void theSameOutcomeSentTwiceIsAppliedOnce() {
        long id = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).attemptId().getAsLong();

        assertTrue(ledger.updateOutcome(id, Outcome.VOICEMAIL, true));
        assertFalse(ledger.updateOutcome(id, Outcome.VOICEMAIL, true));
        assertThrows(OutcomeConflictException.class, () -> ledger.updateOutcome(id, Outcome.VOICEMAIL, false));
    }

    @Test
    void anAttemptRecordedWithItsOutcomeCannotBeUpdated() {
        long id = ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(60), account(debtor, "A1"),
                MOBILE, Outcome.BUSY));

        assertThrows(OutcomeConflictException.class, () -> ledger.updateOutcome(id, Outcome.CONNECTED, false));
    }

    // Caps per account across debtors, ids that differ only in spelling (item 5).

    @Test
    void aJointAccountsCapHoldsAcrossItsDebtors() {
        String partner = "P-" + debtor;
        String joint = "J-" + debtor;
        ledger.decideAndRecord(jointCall(debtor, joint, NOON_IN_NEW_YORK));
        ledger.decideAndRecord(jointCall(debtor, joint, NOON_IN_NEW_YORK.plusSeconds(60)));

        LedgerDecision third = ledger.decideAndRecord(jointCall(partner, joint, NOON_IN_NEW_YORK.plusSeconds(120)));

        assertEquals(List.of("PROBE-CAP-01"), third.decision().ruleIds(), third.decision()::toString);
        assertTrue(ledger.decideAndRecord(call(partner, "A1", NOON_IN_NEW_YORK.plusSeconds(180))).decision().isAllowed(),
                "the partner's own account has a cap of its own");
    }

    @Test
    void aJointAccountUnderTheCapIsAllowedForTheOtherDebtor() {
        String joint = "J-" + debtor;
        ledger.decideAndRecord(jointCall(debtor, joint, NOON_IN_NEW_YORK));

        assertTrue(ledger.decideAndRecord(jointCall("P-" + debtor, joint, NOON_IN_NEW_YORK.plusSeconds(60)))
                .decision().isAllowed());
    }

    /** A call to {@code debtorId} about {@code joint}, an account it holds with another debtor. */
    private static DecisionRequest jointCall(String debtorId, String joint, Instant at) {
        DecisionRequest own = call(debtorId, "A1", at);
        return DecisionRequest.builder().id(own.id()).debtor(own.debtor())
                .account(org.contactguard.core.model.Account.of(joint, org.contactguard.core.model.Product.CREDIT_CARD,
                        "US", 45))
                .action(org.contactguard.core.model.ProposedAction.builder().channel(Channel.CALL).at(at)
                        .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds(joint).build())
                .build();
    }

    @Test
    void aDebtorIdWithSurroundingWhiteSpaceIsRefusedNotANewDebtor() {
        ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK));
        ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(60)));

        DecisionRequest spaced = call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(120));
        spaced = new DecisionRequest(spaced.id(), spaced.packs(), spaced.collector(), spaced.action(),
                org.contactguard.core.model.Debtor.of(debtor + " ", LedgerFixtures.NEW_YORK), spaced.accounts(),
                spaced.thirdParties(), spaced.history());

        assertInvalid(ledger.decideAndRecord(spaced), "debtor.id");
    }

    @Test
    void anAccountIdNotInNormalisationFormNfcIsRefused() {
        String decomposed = "Jose\u0301-" + debtor;
        assertInvalid(ledger.decideAndRecord(jointCall(debtor, decomposed, NOON_IN_NEW_YORK)), "accounts[0].id");
        assertTrue(ledger.decideAndRecord(jointCall(debtor, "Jos\u00e9-" + debtor, NOON_IN_NEW_YORK)).decision()
                .isAllowed());
    }

    // Retries (item 9).

    @Test
    void aRetriedRequestGetsItsFirstDecisionAndNoSecondReservation() {
        DecisionRequest request = call(debtor, "A1", NOON_IN_NEW_YORK);
        LedgerDecision first = ledger.decideAndRecord(request);

        LedgerDecision retry = ledger.decideAndRecord(request);

        assertTrue(retry.decision().isAllowed(), retry.decision()::toString);
        assertEquals(first.attemptId(), retry.attemptId());
        assertEquals(first.decision().ruleSetVersion(), retry.decision().ruleSetVersion());
        assertEquals(1, ledger.history(debtor, Instant.EPOCH, Instant.MAX).size());
    }

    @Test
    void aRequestIdReusedForAnotherActionIsInvalidInput() {
        DecisionRequest request = call(debtor, "A1", NOON_IN_NEW_YORK);
        ledger.decideAndRecord(request);
        DecisionRequest other = call(debtor, "A1", NOON_IN_NEW_YORK.plusSeconds(60));
        other = new DecisionRequest(request.id(), other.packs(), other.collector(), other.action(), other.debtor(),
                other.accounts(), other.thirdParties(), other.history());

        assertInvalid(ledger.decideAndRecord(other), "id");
    }

    // Reservations whose outcome never arrives (item 7).

    @Test
    void aReservationWithoutOutcomeIsListedForReconciliationWithItsRequest() {
        LedgerDecision d = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK));

        List<PendingReservation> pending = ledger.pending(Duration.ZERO).stream()
                .filter(p -> p.recorded().debtorId().equals(debtor)).toList();

        assertEquals(1, pending.size());
        assertEquals(d.attemptId().getAsLong(), pending.get(0).recorded().id());
        assertEquals(call(debtor, "A1", NOON_IN_NEW_YORK).id(), pending.get(0).requestId());
        assertTrue(ledger.pending(Duration.ofDays(1)).stream().noneMatch(p -> p.recorded().debtorId().equals(debtor)),
                "recorded just now, so not older than a day");
        ledger.updateOutcome(d.attemptId().getAsLong(), Outcome.NO_ANSWER, false);
        assertTrue(ledger.pending(Duration.ZERO).stream().noneMatch(p -> p.recorded().debtorId().equals(debtor)));
    }

    // Input the ledger cannot store (item 10) and the field it is reported under (item 11).

    @Test
    void aNulCharacterIsInvalidInputNamingTheField() {
        assertInvalid(ledger.decideAndRecord(call(debtor + "\u0000", "A1", NOON_IN_NEW_YORK)), "debtor.id");
    }

    @Test
    void anUnpairedSurrogateIsInvalidInputNotStoredAsAQuestionMark() {
        assertInvalid(ledger.decideAndRecord(jointCall(debtor, "A\ud800-" + debtor, NOON_IN_NEW_YORK)),
                "accounts[0].id");
        assertTrue(ledger.decideAndRecord(jointCall(debtor, "A\ud83d\ude00-" + debtor, NOON_IN_NEW_YORK)).decision()
                .isAllowed(), "a surrogate pair is text like any other");
    }

    @Test
    void contentOverAMillionCharactersIsInvalidInput() {
        DecisionRequest request = call(debtor, "A1", NOON_IN_NEW_YORK);
        DecisionRequest sms = request.withAction(org.contactguard.core.model.ProposedAction.builder()
                .channel(Channel.SMS).at(NOON_IN_NEW_YORK).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(account(debtor, "A1")).content("x".repeat(LedgerInput.MAX_CONTENT_LENGTH + 1)).build());

        assertInvalid(ledger.decideAndRecord(sms), "action.content");
    }

    @Test
    void aYearTheDatabaseCannotHoldIsInvalidInput() {
        assertInvalid(ledger.decideAndRecord(call(debtor, "A1", Instant.parse("+10000-01-01T17:00:00Z"))), "action.at");
        assertThrows(org.contactguard.core.model.InvalidInputException.class, () -> ledger.record(debtor,
                ContactAttempt.call(Instant.parse("-0001-06-01T00:00:00Z"), account(debtor, "A1"), MOBILE,
                        Outcome.BUSY)));
    }

    @Test
    void anOverlongCollectorIdIsReportedAsCollectorId() {
        DecisionRequest request = call(debtor, "A1", NOON_IN_NEW_YORK);
        DecisionRequest collected = new DecisionRequest(request.id(), request.packs(),
                new org.contactguard.core.model.Collector(org.contactguard.core.model.CollectorKind.THIRD_PARTY_COLLECTOR,
                        "C".repeat(300), List.of(), false),
                request.action(), request.debtor(), request.accounts(), request.thirdParties(), request.history());

        assertInvalid(ledger.decideAndRecord(collected), "collector.id");
    }

    @Test
    void aDecisionAfterInvalidInputStillReachesTheLedger() {
        for (int i = 0; i < 3; i++) {
            assertInvalid(ledger.decideAndRecord(call(debtor + "\u0000", "A1", NOON_IN_NEW_YORK)), "debtor.id");
        }

        assertTrue(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).decision().isAllowed());
    }

    static void assertInvalid(LedgerDecision decision, String field) {
        assertEquals(List.of(Reason.INPUT_INVALID), decision.decision().ruleIds(), decision.decision()::toString);
        assertTrue(decision.decision().reasons().get(0).message().startsWith(field + ": "),
                decision.decision().reasons().get(0)::message);
        assertTrue(decision.attemptId().isEmpty());
    }
}
