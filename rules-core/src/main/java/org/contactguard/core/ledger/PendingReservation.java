package org.contactguard.core.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A reservation whose outcome has not arrived, with what reconciling it needs.
 *
 * @param recorded the attempt as the ledger holds it
 * @param requestId the id of the request that reserved it; null when none was given
 * @param decidedBy the ledger instance that decided it (see {@code JdbcContactLedger.Builder#instanceId})
 * @param recordedAt when the ledger recorded it, by the ledger's clock
 */
public record PendingReservation(RecordedAttempt recorded, String requestId, String decidedBy, Instant recordedAt) {

    public PendingReservation {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
