package org.contactguard.core.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;

/**
 * Where the contact history of every debtor lives, shared by every dialer and agent that asks about
 * the same debtors.
 *
 * <p>{@link #decideAndRecord} is the one call a dialer needs: under a lock on the debtor that holds
 * across threads (and, for the JDBC ledger, across processes) it loads the debtor's history from the
 * ledger, decides, and if allowed records the attempt as reserved, all in one transaction. A reserved
 * attempt has no outcome yet and counts as placed and connected (fail closed) until
 * {@link #updateOutcome} says how it ended, or until its outcome is overdue (the ledger's pending
 * expiry after the attempt's moment), from when on it counts as an attempt that was not a
 * conversation. A retried request (same debtor and request id) gets its first ALLOW back instead of
 * a second reservation.
 *
 * <p>{@code decideAndRecord} never throws: when the ledger cannot be read or written in time it
 * answers DENY with {@code LEDGER-UNAVAILABLE}. The other methods throw
 * {@link LedgerUnavailableException} in that case, since they have no verdict to fall back on.
 */
public interface ContactLedger extends AutoCloseable {

    /**
     * Decides {@code request} against the debtor's history as the ledger holds it (the request's own
     * {@code history} is ignored) and, if allowed, records the action as a reserved attempt.
     *
     * @return the decision, and the reserved attempt's id when allowed
     */
    LedgerDecision decideAndRecord(DecisionRequest request);

    /**
     * Records an attempt made outside {@link #decideAndRecord} (a call the debtor started, a letter
     * sent by another system), under the same per-debtor lock.
     *
     * @return the new attempt's id
     */
    long record(String debtorId, ContactAttempt attempt);

    /**
     * Sets how reserved attempt {@code attemptId} ended, e.g. a call that turned out NO_ANSWER;
     * {@code FAILED} withdraws a reservation that was never dialled (it then stops counting). A
     * reservation gets its outcome once: a duplicate of the update already applied changes nothing
     * and returns false; any other update of an attempt that already has an outcome is refused,
     * since a late or repeated update could otherwise raise what the caps counted when later calls
     * were allowed.
     *
     * @return true when the outcome was set, false when the attempt already had exactly this outcome
     * @throws java.util.NoSuchElementException if the ledger holds no such attempt (e.g. purged)
     * @throws OutcomeConflictException if the attempt already has a different outcome; nothing changed
     */
    boolean updateOutcome(long attemptId, Outcome outcome, boolean messageLeft);

    /**
     * The reservations still without an outcome that were recorded more than {@code olderThan} ago by
     * the ledger's clock, oldest first: for reconciling with the dialer (which request, which
     * instance) after a crash between decision and dial.
     */
    List<PendingReservation> pending(Duration olderThan);

    /** The debtor's attempts with {@code from <= at < until}, oldest first. */
    List<RecordedAttempt> history(String debtorId, Instant from, Instant until);

    /**
     * Deletes every attempt that happened before {@code cutoff}.
     *
     * @return how many attempts were deleted
     */
    long purgeBefore(Instant cutoff);

    /**
     * Deletes the attempts no decision at {@code now} or later can need any more: those older than
     * {@link #historyWindow()} before {@code now}. The ledgers of this library count {@code now} only
     * up to their own clock (the database's, or this JVM's), so a caller whose clock runs ahead cannot
     * purge history that decisions still need.
     *
     * @return how many attempts were deleted
     */
    default long purgeExpired(Instant now) {
        return purgeBefore(now.minus(historyWindow()));
    }

    /**
     * How far back {@link #decideAndRecord} loads a debtor's history: the longest window of the
     * engine's loaded packs plus a safety margin, unless configured otherwise.
     */
    Duration historyWindow();

    /** Releases connections; the ledger is unusable afterwards. */
    @Override
    void close();
}
