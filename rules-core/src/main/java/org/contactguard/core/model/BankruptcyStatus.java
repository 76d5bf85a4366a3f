package org.contactguard.core.model;

/** Where a {@link RestrictionKind#BANKRUPTCY} case stands. */
public enum BankruptcyStatus {
    /** The case is pending: the automatic stay is in force. */
    OPEN,
    /** The debts were discharged: the discharge injunction applies. */
    DISCHARGED,
    /** The case was dismissed without a discharge. */
    DISMISSED,
    /** The court lifted the stay for this creditor. */
    RELIEF_FROM_STAY
}
