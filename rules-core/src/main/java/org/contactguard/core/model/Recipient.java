package org.contactguard.core.model;

/**
 * The person on the other side of a contact, and a third party's relation to the debtor.
 * A contact the debtor started has recipient {@code DEBTOR}; every other value refers to a {@link ThirdParty}.
 */
public enum Recipient {
    DEBTOR,
    SPOUSE,
    PARENT_OF_MINOR,
    GUARDIAN,
    EXECUTOR,
    EMERGENCY_CONTACT,
    RELATIVE,
    EMPLOYER,
    COLLEAGUE,
    NEIGHBOUR,
    ATTORNEY,
    /** A servicemember's commanding officer. */
    COMMANDING_OFFICER,
    OTHER_THIRD_PARTY
}
