package org.contactguard.core.ledger;

import java.util.Objects;
import org.contactguard.core.model.ContactAttempt;

/**
 * An attempt as the ledger holds it.
 *
 * @param id the ledger's id for the attempt, used to update its outcome
 * @param debtorId the debtor whose history it belongs to
 * @param attempt the attempt; its outcome is null while reserved and not yet updated
 */
public record RecordedAttempt(long id, String debtorId, ContactAttempt attempt) {

    public RecordedAttempt {
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(attempt, "attempt");
    }

    /** Whether the attempt was reserved by a decision and its outcome is not known yet. */
    public boolean pending() {
        return attempt.outcome() == null;
    }
}
