package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.nonBlank;
import static org.contactguard.core.model.Checks.required;

import java.time.Instant;

/**
 * A person other than the debtor that the action or history refers to; {@code debtRelated} means liable
 * for or tied to the debt (e.g. a guarantor, or a spouse where the loan paid family expenses);
 * {@code requestedCallback} (contract default false) that they asked to be called back.
 */
public record ThirdParty(
        String id, Recipient relation, boolean debtRelated, Instant refusedContactAt, boolean requestedCallback) {

    public ThirdParty {
        nonBlank(id, "id");
        required(relation, "relation");
        if (relation == Recipient.DEBTOR) {
            throw new InvalidInputException("relation", "must not be DEBTOR");
        }
    }

    /** A third party who has not refused contact and did not ask to be called back. */
    public static ThirdParty of(String id, Recipient relation, boolean debtRelated) {
        return new ThirdParty(id, relation, debtRelated, null, false);
    }
}
