package org.contactguard.core.model;

/**
 * What a {@link Restriction} on contacting the debtor is about; some kinds carry extra fields
 * (see {@link Restriction}).
 */
public enum RestrictionKind {
    /** The debtor asked to stop communication or refused to pay. */
    CEASE_COMMUNICATION,
    ATTORNEY_REPRESENTED,
    /** Do not use a medium, or one number/address of it. */
    OPT_OUT,
    /** The debtor said some hours are inconvenient. */
    INCONVENIENT_TIME,
    INCONVENIENT_PLACE,
    /** The debtor asked not to be contacted at work. */
    NO_CONTACT_AT_WORK,
    /** The employer forbids collection contact at work. */
    EMPLOYER_PROHIBITS,
    /** The debtor disputes the debt ({@code written}, {@code withinValidationPeriod}, {@code verificationSentAt}). */
    DISPUTED,
    /** A bankruptcy case ({@code status}, default OPEN). */
    BANKRUPTCY,
    DECEASED,
    COMPLAINT_OPEN,
    REPAYMENT_PLAN_ACTIVE,
    VULNERABLE,
    HOSPITALISED,
    /** UK debt respite: no collection contact while in force ({@code until} = its end; {@code mentalHealthCrisis}). */
    BREATHING_SPACE
}
