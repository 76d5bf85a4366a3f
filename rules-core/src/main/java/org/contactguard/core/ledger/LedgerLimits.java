package org.contactguard.core.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds a ledger puts on each decision, shared by both ledgers.
 *
 * @param historyWindow how far back history is loaded; null: the deciding rules' longest window plus
 *     {@link LedgerDecider#HISTORY_MARGIN}
 * @param maxClockSkew how far {@code action.at} may lie from the ledger's clock; null: not checked
 *     (the in-memory ledger, which has no clock shared between processes)
 * @param pendingExpiry how long after its moment a reservation without an outcome still counts as a
 *     possible conversation
 * @param maxHistory the most attempts one decision loads
 * @param maxAccounts the most accounts one request may hold
 * @param decisionTimeout the longest a decision may take from start to commit
 */
record LedgerLimits(Duration historyWindow, Duration maxClockSkew, Duration pendingExpiry, int maxHistory,
        int maxAccounts, Duration decisionTimeout) {

    static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration DEFAULT_PENDING_EXPIRY = Duration.ofHours(2);
    static final int DEFAULT_MAX_HISTORY = 10_000;
    static final int DEFAULT_MAX_ACCOUNTS = 100;
    static final Duration DEFAULT_DECISION_TIMEOUT = Duration.ofSeconds(10);

    LedgerLimits {
        Objects.requireNonNull(pendingExpiry, "pendingExpiry");
        Objects.requireNonNull(decisionTimeout, "decisionTimeout");
    }

    /** The defaults, with {@code historyWindow} and {@code maxClockSkew} as given. */
    static LedgerLimits defaults(Duration historyWindow, Duration maxClockSkew) {
        return new LedgerLimits(historyWindow, maxClockSkew, DEFAULT_PENDING_EXPIRY, DEFAULT_MAX_HISTORY,
                DEFAULT_MAX_ACCOUNTS, DEFAULT_DECISION_TIMEOUT);
    }
}
