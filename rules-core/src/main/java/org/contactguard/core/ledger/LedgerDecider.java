package org.contactguard.core.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.ThirdParty;

/**
 * The part of decide-and-record every ledger shares: which history to load, how the ledger's history
 * replaces the request's, and what is recorded when the decision allows. Each ledger runs
 * {@link #decide} inside its own per-debtor lock and transaction.
 */
final class LedgerDecider {

    /**
     * Added to the engine's longest window. Packs that count per local calendar day or week reach back
     * to a local midnight, up to a day (plus the zone's offset, at most 26 h) before the rolling window
     * would; two days cover that and a DST shift, at the price of loading two more days of history.
     */
    static final Duration HISTORY_MARGIN = Duration.ofDays(2);

    /**
     * How far before the action an attempt the ledger holds at or after the action's own moment is
     * shown to the engine: another dialer's clock may run ahead, or two dialers may ask about the same
     * instant. Windows end at the action and count only what happened strictly before it, so such an
     * attempt is moved just before it, where every window counts it (fail closed).
     */
    static final Duration CLOCK_SKEW_SHIFT = Duration.ofNanos(1_000);

    private LedgerDecider() {
    }

    /** The ledger operations decide-and-record needs, all inside one transaction holding the debtor's lock. */
    interface DebtorTransaction {
        /** Every attempt of the debtor with {@code at} strictly after {@code start}, future ones included. */
        List<RecordedAttempt> loadAfter(Instant start);

        /** Records {@code attempt} as reserved and returns its id. */
        long reserve(ContactAttempt attempt);

        /**
         * Decides {@code request} with {@code engine}; a database ledger passes its transaction so that
         * listeners (the audit trail) can write in it.
         */
        default Decision decide(ComplianceEngine engine, DecisionRequest request) {
            return engine.decide(request);
        }
    }

    /** {@code configured} when given, else the engine's longest window plus {@link #HISTORY_MARGIN}. */
    static Duration historyWindow(ComplianceEngine engine, Duration configured) {
        return configured != null ? configured : engine.longestWindow().plus(HISTORY_MARGIN);
    }

    /**
     * Loads the history, decides and reserves when allowed. Runs under the caller's lock; exceptions of
     * the transaction propagate so the caller rolls back.
     */
    static LedgerDecision decide(ComplianceEngine engine, Duration window, DecisionRequest request,
            DebtorTransaction transaction) {
        Instant at = request.action().at();
        List<RecordedAttempt> stored = transaction.loadAfter(at.minus(window));
        DecisionRequest decided;
        long start = System.nanoTime();
        try {
            decided = withLedgerHistory(request, stored);
        } catch (InvalidInputException e) {
            return deniedWithoutRules(engine, request, Reason.inputInvalid(e.field(), e.problem()), start);
        }
        Decision decision = transaction.decide(engine, decided);
        if (!decision.isAllowed()) {
            return LedgerDecision.denied(decision);
        }
        return LedgerDecision.allowed(decision, transaction.reserve(reservation(request)));
    }

    /**
     * A DENY the ledger gives without asking the rules (invalid input, ledger unavailable), reported to
     * the engine's listeners so that the audit trail and metrics see every answer.
     */
    static LedgerDecision deniedWithoutRules(ComplianceEngine engine, DecisionRequest request, Reason reason,
            long startNanos) {
        Decision denied = Decision.denied(request == null ? null : request.id(), reason, engine.version());
        return LedgerDecision.denied(engine.report(request, denied, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /**
     * {@code request} with the ledger's attempts as its whole history. The request must hold every
     * account and third party those attempts name (a cap per debtor counts them all, so silently
     * dropping one could let a cap be broken). A contact point described differently over time is shown
     * as the request's action describes it, or else as most recently recorded, so that learning a number
     * is shared does not make the history contradict itself.
     *
     * @throws InvalidInputException naming {@code accounts} or {@code thirdParties} when an attempt
     *     refers to one the request does not hold
     */
    static DecisionRequest withLedgerHistory(DecisionRequest request, List<RecordedAttempt> stored) {
        Set<String> accounts = new HashSet<>();
        request.accounts().forEach((Account a) -> accounts.add(a.id()));
        Set<String> thirdParties = new HashSet<>();
        request.thirdParties().forEach((ThirdParty t) -> thirdParties.add(t.id()));
        String debtor = request.debtor().id();
        Map<String, ContactPoint> points = new HashMap<>();
        for (RecordedAttempt recorded : stored) {
            ContactPoint point = recorded.attempt().contactPoint();
            if (point != null) {
                points.put(point.id(), point);
            }
        }
        ContactPoint actionPoint = request.action().contactPoint();
        if (actionPoint != null) {
            points.put(actionPoint.id(), actionPoint);
        }
        Instant at = request.action().at();
        List<ContactAttempt> history = new ArrayList<>(stored.size());
        for (RecordedAttempt recorded : stored) {
            ContactAttempt attempt = recorded.attempt();
            for (String accountId : attempt.accountIds()) {
                if (!accounts.contains(accountId)) {
                    throw new InvalidInputException("accounts", "the ledger holds contact attempt " + recorded.id()
                            + " of debtor \"" + debtor + "\" about account \"" + accountId + "\", which the request "
                            + "does not hold; send every account the debtor's recent history refers to");
                }
            }
            if (attempt.thirdPartyId() != null && !thirdParties.contains(attempt.thirdPartyId())) {
                throw new InvalidInputException("thirdParties", "the ledger holds contact attempt " + recorded.id()
                        + " of debtor \"" + debtor + "\" with third party \"" + attempt.thirdPartyId()
                        + "\", which the request does not hold; send every third party the debtor's recent "
                        + "history refers to");
            }
            Instant when = attempt.at().isBefore(at) ? attempt.at() : at.minus(CLOCK_SKEW_SHIFT);
            ContactPoint point = attempt.contactPoint() == null ? null : points.get(attempt.contactPoint().id());
            history.add(Objects.equals(when, attempt.at()) && Objects.equals(point, attempt.contactPoint())
                    ? attempt : Attempts.copy(attempt, when, point));
        }
        return request.withHistory(history);
    }

    /** The attempt recorded for an allowed action: its fields, the request's collector, no outcome yet. */
    static ContactAttempt reservation(DecisionRequest request) {
        ProposedAction a = request.action();
        return new ContactAttempt(a.channel(), a.at(), a.recipient(), a.thirdPartyId(), a.contactPoint(), a.place(),
                a.accountIds(), a.purpose(), a.initiatedBy(), a.automated(), a.prerecorded(), a.viaPersonalDevice(), a.visibility(),
                a.content(), a.leavesMessage(), a.identifiesCaller(), a.disclosesDebt(), a.visit(),
                request.collector().id(), null, false);
    }
}
