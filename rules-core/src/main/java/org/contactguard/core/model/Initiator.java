package org.contactguard.core.model;

/** Who started a contact; most limits apply only to contacts the collector started. */
public enum Initiator {
    COLLECTOR,
    DEBTOR,
    THIRD_PARTY
}
