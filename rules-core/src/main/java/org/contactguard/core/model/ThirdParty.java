package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.nonBlank;
import static org.contactguard.core.model.Checks.required;

import java.time.Instant;

/**
 * A person other than the debtor that the action or history refers to; {@code debtRelated} means liable
 * for or tied to the debt (e.g. a guarantor, or a spouse where the loan paid family expenses).
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
}
