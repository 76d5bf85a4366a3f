package org.contactguard.core.model;

/** What the debtor agreed to in a {@link Consent}. */
public enum ConsentKind {
    /** Contact at {@code from}-{@code to}, even outside normal hours. */
    CONTACT_TIME,
    /** The debtor asked to be called back (until {@code validUntil}). */
    CALLBACK,
    /** SMS, email or IM at {@code contactPointId}. */
    ELECTRONIC,
    /** Contact with a named third party. */
    THIRD_PARTY_CONTACT,
    /** Written consent to more visits than the cap. */
    MORE_VISITS,
    /**
     * Prior express consent to automated (auto-dialled, prerecorded or artificial-voice) calls or texts
     * at {@code contactPointId} (US TCPA); revoked by an {@code OPT_OUT} of that medium or number.
     */
    AUTOMATED_CONTACT
}
