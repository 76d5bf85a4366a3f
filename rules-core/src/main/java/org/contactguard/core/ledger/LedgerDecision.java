package org.contactguard.core.ledger;

import java.util.Objects;
import java.util.OptionalLong;
import org.contactguard.core.decision.Decision;

/**
 * The answer of {@link ContactLedger#decideAndRecord}: the decision, and when it allowed the contact
 * the id under which the ledger recorded it as reserved.
 *
 * @param decision the decision, exactly as the engine would give it for the ledger's history
 * @param attemptId the reserved attempt's id; present exactly when the decision allows
 */
public record LedgerDecision(Decision decision, OptionalLong attemptId) {

    public LedgerDecision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(attemptId, "attemptId");
        if (decision.isAllowed() != attemptId.isPresent()) {
            throw new IllegalArgumentException("an attempt id is given exactly when the decision allows");
        }
    }

    static LedgerDecision denied(Decision decision) {
        return new LedgerDecision(decision, OptionalLong.empty());
    }

    static LedgerDecision allowed(Decision decision, long attemptId) {
        return new LedgerDecision(decision, OptionalLong.of(attemptId));
    }
}
