package org.contactguard.core.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Recipient;
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

    /** The most characters of a database or exception message a reason repeats. */
    static final int MAX_PROBLEM_LENGTH = 500;

    private LedgerDecider() {
    }

    /** A reservation already made for a request id: a retry of that request gets its decision back. */
    record Prior(long attemptId, Instant at, Channel channel, String ruleSetVersion) {
    }

    /** The ledger operations decide-and-record needs, all inside one transaction. */
    interface DebtorTransaction {
        /** The ledger's own clock, to bound {@code action.at}; null when the ledger has none. */
        Instant now();

        /**
         * Locks the debtor, then each account in the order given (sorted by the caller, so that two
         * transactions never wait for each other in a cycle), until the transaction ends.
         */
        void lock(String debtorId, List<String> accountIds);

        /** The reservation the debtor's earlier request {@code requestId} made, if any. */
        Optional<Prior> prior(String debtorId, String requestId);

        /**
         * The attempts with {@code at} strictly after {@code start}, future ones included, of the debtor
         * or about any of {@code accountIds} (whoever the debtor), oldest first; at most {@code limit}.
         */
        List<RecordedAttempt> loadAfter(String debtorId, List<String> accountIds, Instant start, int limit);

        /** Records {@code attempt} as reserved by request {@code requestId} and returns its id. */
        long reserve(String debtorId, ContactAttempt attempt, String requestId, String ruleSetVersion);

        /**
         * Decides {@code request} with {@code engine} on {@code rules}; a database ledger passes its
         * transaction so that listeners (the audit trail) can write in it.
         */
        default Decision decide(ComplianceEngine engine, RuleSet rules, DecisionRequest request) {
            return engine.decide(rules, request);
        }
    }

    /** {@code configured} when given, else the longest window of {@code rules} plus {@link #HISTORY_MARGIN}. */
    static Duration historyWindow(RuleSet rules, Duration configured) {
        return configured != null ? configured : rules.longestWindow().plus(HISTORY_MARGIN);
    }

    /**
     * The version of the rules of {@code rules} that decide {@code request} (its packs, or the
     * defaults); the defaults' version when the request names packs that are not loaded.
     */
    static String version(RuleSet rules, DecisionRequest request) {
        try {
            return rules.version(rules.selection().select(request.packs(), request.accounts()).packs());
        } catch (RuntimeException e) {
            // An unknown pack: the engine reports it when deciding; the denial still needs a version.
            return rules.defaultVersion();
        }
    }

    /** {@code problem} cut to {@link #MAX_PROBLEM_LENGTH} characters: a reason must not echo input without bound. */
    static String bounded(String problem) {
        if (problem == null || problem.length() <= MAX_PROBLEM_LENGTH) {
            return problem;
        }
        return problem.substring(0, MAX_PROBLEM_LENGTH) + "... (" + (problem.length() - MAX_PROBLEM_LENGTH)
                + " more characters)";
    }

    /** DENY with {@code INPUT-INVALID}, versioned as the rules that would have decided, and reported. */
    static LedgerDecision invalid(ComplianceEngine engine, RuleSet rules, DecisionRequest request,
            InvalidInputException e, long startNanos) {
        return deniedWithoutRules(engine, rules, request, Reason.inputInvalid(e.field(), bounded(e.problem())),
                startNanos);
    }

    /**
     * A DENY the ledger gives without asking the rules (invalid input, ledger unavailable), versioned as
     * the rules of {@code rules} that would have decided, and reported to the engine's listeners so that
     * the audit trail and metrics see every answer.
     */
    static LedgerDecision deniedWithoutRules(ComplianceEngine engine, RuleSet rules, DecisionRequest request,
            Reason reason, long startNanos) {
        Decision denied = Decision.denied(request == null ? null : request.id(), reason,
                request == null ? rules.defaultVersion() : version(rules, request));
        return LedgerDecision.denied(engine.report(request, denied, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /**
     * Checks the request, locks, loads the history, decides and reserves when allowed, all on one
     * snapshot of the engine's rules: the history window and the decision come from the same rule set
     * even when a reload happens meanwhile. Runs inside the caller's transaction; exceptions of the
     * transaction propagate so the caller rolls back.
     */
    static LedgerDecision decide(ComplianceEngine engine, RuleSet rules, LedgerLimits limits, DecisionRequest request,
            DebtorTransaction transaction) {
        long start = System.nanoTime();
        String debtorId = request.debtor().id();
        Instant at = request.action().at();
        try {
            Instant now = transaction.now();
            if (now != null && limits.maxClockSkew() != null) {
                checkClock(at, now, limits.maxClockSkew());
            }
        } catch (InvalidInputException e) {
            return invalid(engine, rules, request, e, start);
        }
        List<String> accounts = new ArrayList<>(new TreeSet<>(request.action().accountIds()));
        transaction.lock(debtorId, accounts);
        if (request.id() != null) {
            Optional<Prior> prior = transaction.prior(debtorId, request.id());
            if (prior.isPresent()) {
                return retried(engine, rules, request, prior.get(), start);
            }
        }
        Duration window = historyWindow(rules, limits.historyWindow());
        List<RecordedAttempt> stored = transaction.loadAfter(debtorId, accounts, at.minus(window),
                limits.maxHistory() + 1);
        if (stored.size() > limits.maxHistory()) {
            return deniedWithoutRules(engine, rules, request, Reason.ledgerUnavailable("the ledger holds more "
                    + "than " + limits.maxHistory() + " attempts of this debtor and its accounts within the history "
                    + "window (maxHistory); refusing to decide on part of them"), start);
        }
        DecisionRequest decided;
        try {
            decided = withLedgerHistory(request, stored, limits.pendingExpiry());
        } catch (InvalidInputException e) {
            return invalid(engine, rules, request, e, start);
        }
        Decision decision = transaction.decide(engine, rules, decided);
        if (!decision.isAllowed()) {
            return LedgerDecision.denied(decision);
        }
        return LedgerDecision.allowed(decision, transaction.reserve(debtorId, reservation(request), request.id(),
                decision.ruleSetVersion()));
    }

    /** {@code action.at} within {@code maxSkew} of the ledger's clock, else INPUT-INVALID. */
    static void checkClock(Instant at, Instant now, Duration maxSkew) {
        Duration skew = Duration.between(now, at);
        if (skew.abs().compareTo(maxSkew) > 0) {
            throw new InvalidInputException("action.at", at + " is " + skew.abs() + (skew.isNegative() ? " behind"
                    : " ahead of") + " the contact ledger's clock (" + now + "); at most " + maxSkew
                    + " (maxClockSkew) is accepted, so that calls are counted in the windows they happened in");
        }
    }

    /** The first decision of a retried request: ALLOW with its reservation, if the retry is the same action. */
    private static LedgerDecision retried(ComplianceEngine engine, RuleSet rules, DecisionRequest request, Prior prior,
            long startNanos) {
        ProposedAction action = request.action();
        if (!AttemptRows.truncated(prior.at()).equals(AttemptRows.truncated(action.at())) || prior.channel() != action.channel()) {
            return invalid(engine, rules, request, new InvalidInputException("id", "request id " + quoted(request.id())
                    + " already reserved attempt " + prior.attemptId() + " (" + prior.channel() + " at " + prior.at()
                    + ") for this debtor; a retry must repeat that action, a new action needs a new id"), startNanos);
        }
        // Not reported again: the first decision of this request id was, and this repeats it.
        String version = prior.ruleSetVersion() != null ? prior.ruleSetVersion() : version(rules, request);
        return LedgerDecision.allowed(new Decision(request.id(), Verdict.ALLOW, List.of(), List.of(), null, version),
                prior.attemptId());
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    /**
     * {@code request} with the ledger's attempts as its whole history. The request must hold every
     * account and third party the debtor's own attempts name (a cap per debtor counts them all, so
     * silently dropping one could let a cap be broken). Attempts of other debtors about the action's
     * accounts (a joint account) are shown as contacts with this debtor about those accounts, so a cap
     * per account holds across its debtors; their contact points are renamed so that they cannot be
     * mistaken for this debtor's. A contact point described differently over time is shown as the
     * request's action describes it, or else as most recently recorded, so that learning a number is
     * shared does not make the history contradict itself. A reservation whose outcome has not arrived
     * {@code pendingExpiry} after its moment is shown as an attempt that was not a conversation (see
     * {@link #expired}).
     *
     * @throws InvalidInputException naming {@code accounts} or {@code thirdParties} when an attempt
     *     of the debtor refers to one the request does not hold
     */
    static DecisionRequest withLedgerHistory(DecisionRequest request, List<RecordedAttempt> stored,
            Duration pendingExpiry) {
        Set<String> accounts = new HashSet<>();
        request.accounts().forEach((Account a) -> accounts.add(a.id()));
        Set<String> thirdParties = new HashSet<>();
        request.thirdParties().forEach((ThirdParty t) -> thirdParties.add(t.id()));
        String debtor = request.debtor().id();
        Instant at = request.action().at();
        List<RecordedAttempt> own = new ArrayList<>(stored.size());
        for (RecordedAttempt recorded : stored) {
            ContactAttempt attempt = recorded.attempt();
            if (attempt.outcome() == null && !attempt.at().plus(pendingExpiry).isAfter(at)) {
                attempt = expired(attempt);
            }
            if (recorded.debtorId().equals(debtor)) {
                own.add(new RecordedAttempt(recorded.id(), debtor, attempt));
                continue;
            }
            ContactAttempt shared = aboutSharedAccounts(recorded, attempt, request.action().accountIds());
            if (shared != null) {
                own.add(new RecordedAttempt(recorded.id(), debtor, shared));
            }
        }
        Map<String, ContactPoint> points = new HashMap<>();
        for (RecordedAttempt recorded : own) {
            ContactPoint point = recorded.attempt().contactPoint();
            if (point != null) {
                points.put(point.id(), point);
            }
        }
        ContactPoint actionPoint = request.action().contactPoint();
        if (actionPoint != null) {
            points.put(actionPoint.id(), actionPoint);
        }
        List<ContactAttempt> history = new ArrayList<>(own.size());
        for (RecordedAttempt recorded : own) {
            ContactAttempt attempt = recorded.attempt();
            for (String accountId : attempt.accountIds()) {
                if (!accounts.contains(accountId)) {
                    throw new InvalidInputException("accounts", "the ledger holds contact attempt " + recorded.id()
                            + " of debtor \"" + debtor + "\" about account \"" + accountId + "\", which the request does not hold; "
                            + "send every account the debtor's recent history refers to");
                }
            }
            if (attempt.thirdPartyId() != null && !thirdParties.contains(attempt.thirdPartyId())) {
                throw new InvalidInputException("thirdParties", "the ledger holds contact attempt " + recorded.id()
                        + " of debtor \"" + debtor + "\" with third party \"" + attempt.thirdPartyId() + "\", which the request does "
                        + "not hold; send every third party the debtor's recent history refers to");
            }
            Instant when = attempt.at().isBefore(at) ? attempt.at() : at.minus(CLOCK_SKEW_SHIFT);
            ContactPoint point = attempt.contactPoint() == null ? null : points.get(attempt.contactPoint().id());
            history.add(Objects.equals(when, attempt.at()) && Objects.equals(point, attempt.contactPoint())
                    ? attempt : Attempts.copy(attempt, when, point));
        }
        return request.withHistory(history);
    }

    /**
     * Another debtor's attempt about some of {@code actionAccounts}, as a contact with this debtor
     * about those accounts only; null when it was a contact with someone other than that debtor (the
     * request cannot describe the other debtor's third parties, and such a contact is about that
     * third party, not about the account's debtors).
     */
    private static ContactAttempt aboutSharedAccounts(RecordedAttempt recorded, ContactAttempt a,
            List<String> actionAccounts) {
        if (a.recipient() != Recipient.DEBTOR) {
            return null;
        }
        List<String> shared = new ArrayList<>();
        for (String account : a.accountIds()) {
            if (actionAccounts.contains(account)) {
                shared.add(account);
            }
        }
        if (shared.isEmpty()) {
            return null;
        }
        ContactPoint p = a.contactPoint();
        ContactPoint renamed = p == null ? null : new ContactPoint("co-debtor \"" + recorded.debtorId() + "\": "
                + p.id(), p.kind(), p.employerProvided(), p.source(), p.shared());
        return new ContactAttempt(a.channel(), a.at(), a.recipient(), null, renamed, a.place(), shared, a.purpose(),
                a.initiatedBy(), a.automated(), a.prerecorded(), a.viaPersonalDevice(), a.visibility(), a.content(), a.leavesMessage(),
                a.identifiesCaller(), a.disclosesDebt(), a.visit(), a.collectorId(), a.outcome(), a.messageLeft());
    }

    /**
     * A reservation whose outcome never arrived, as an attempt that reached the number but was not a
     * conversation or meeting: a call as VOICEMAIL without a message (counted by every cap on calls
     * and communications, not by the presumption after a telephone conversation), a visit as
     * NOBODY_HOME, anything else as DELIVERED.
     */
    static ContactAttempt expired(ContactAttempt a) {
        Outcome outcome = switch (a.channel()) {
            case CALL -> Outcome.VOICEMAIL;
            case VISIT -> Outcome.NOBODY_HOME;
            default -> Outcome.DELIVERED;
        };
        return Attempts.withOutcome(a, outcome, false);
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
