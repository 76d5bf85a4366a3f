package org.contactguard.core.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.decision.Decision;

/**
 * What the audit trail keeps of one decision: enough to answer, years later, why a person was or was
 * not contacted at a given moment.
 *
 * @param decidedAt when the engine decided (the audit trail's clock, not the request's time)
 * @param debtorId the request's debtor, null when the request had none
 * @param requestId the request's id, null when it had none
 * @param tenant the tenant the request named, null when none
 * @param actionAt when the contact asked about was to happen, null when the request had no action
 * @param requestJson the request as decided, in the contract's canonical JSON (every field, defaults
 *     written out); for a contact ledger's decision, with the ledger's history. Null when there was no
 *     request or it could not be written (then the failure was logged)
 * @param decision the decision given
 * @param libraryVersion the Contactguard version that decided
 * @param packs the packs that applied (named by the request, its overlays, or the engine's defaults)
 * @param duration how long deciding took
 */
public record AuditRecord(Instant decidedAt, String debtorId, String requestId, String tenant, Instant actionAt,
        String requestJson, Decision decision, String libraryVersion, List<String> packs, Duration duration) {

    public AuditRecord {
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        packs = List.copyOf(packs);
        Objects.requireNonNull(duration, "duration");
    }

    /** The version of the rules that decided: {@code decision().ruleSetVersion()}. */
    public String ruleSetVersion() {
        return decision.ruleSetVersion();
    }

    /** This record as one line of JSON, as {@link JsonLinesAuditSink} writes it. */
    public String toJson() {
        return AuditJson.write(this);
    }

    /**
     * Reads a record written by {@link #toJson()}.
     *
     * @throws org.contactguard.core.model.InvalidInputException naming the field when it is not one
     */
    public static AuditRecord fromJson(String json) {
        return AuditJson.read(json);
    }
}
