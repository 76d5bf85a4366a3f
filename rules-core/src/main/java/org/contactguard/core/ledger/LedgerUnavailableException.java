package org.contactguard.core.ledger;

/**
 * The ledger could not be read or written in time (database down, pool exhausted, a lock or
 * statement timed out). Nothing the failed call was writing was committed.
 */
public class LedgerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
