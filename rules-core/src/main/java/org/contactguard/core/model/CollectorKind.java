package org.contactguard.core.model;

/** What kind of organisation is collecting, which decides which rules apply to it. */
public enum CollectorKind {
    /** Collects its own debt. */
    CREDITOR,
    /** An agency, a "debt collector" in the FDCPA sense. */
    THIRD_PARTY_COLLECTOR,
    DEBT_BUYER,
    /** Collects for a bank under contract (CN). */
    OUTSOURCED_AGENCY
}
