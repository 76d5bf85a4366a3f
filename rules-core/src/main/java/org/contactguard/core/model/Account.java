package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.nonBlank;
import static org.contactguard.core.model.Checks.nonNegative;
import static org.contactguard.core.model.Checks.optionalNonBlank;
import static org.contactguard.core.model.Checks.required;

import java.time.Instant;

/**
 * One debt: its product, the jurisdiction whose rules govern it (a code, kept trimmed and in upper
 * case), how late it is, and optionally the servicing number that joins several student loans into
 * one debt, time-bar and sale (EU) facts.
 */
public record Account(
        String id,
        Product product,
        String jurisdiction,
        int daysPastDue,
        String servicingAccountNumber,
        boolean timeBarred,
        Instant soldAt,
        Instant transferNoticeSentAt) {

    public Account {
        nonBlank(id, "id");
        required(product, "product");
        // Jurisdiction codes are compared exactly (overlay selection, pack rules), so "us-ma" and
        // " US-MA" must mean US-MA: spelt otherwise they would skip the overlay and fail open.
        jurisdiction = Jurisdictions.normalise(jurisdiction, "jurisdiction");
        nonNegative(daysPastDue, "daysPastDue");
        // Accounts sharing a servicing number count as one debt, so a blank one would merge unrelated debts.
        optionalNonBlank(servicingAccountNumber, "servicingAccountNumber");
    }

    /** An account that is not time-barred, not sold and has no servicing number. */
    public static Account of(String id, Product product, String jurisdiction, int daysPastDue) {
        return new Account(id, product, jurisdiction, daysPastDue, null, false, null, null);
    }
}
