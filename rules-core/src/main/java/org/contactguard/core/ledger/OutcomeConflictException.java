package org.contactguard.core.ledger;

/**
 * An outcome update for an attempt that already has a different outcome; the ledger changed nothing.
 * Usually a late or duplicated message from a dialer: the first outcome stands.
 */
public class OutcomeConflictException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long attemptId;

    public OutcomeConflictException(long attemptId, String recorded, String refused) {
        super("attempt " + attemptId + " already ended " + recorded + "; not changed to " + refused);
        this.attemptId = attemptId;
    }

    /** The attempt whose outcome stands. */
    public long attemptId() {
        return attemptId;
    }
}
