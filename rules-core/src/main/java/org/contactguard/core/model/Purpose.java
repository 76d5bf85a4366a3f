package org.contactguard.core.model;

/**
 * Why a contact is made; {@code RESPONSE} means answering a contact the debtor started, and the prior
 * notice of a visit is a history entry with {@code VISIT_NOTICE}.
 */
public enum Purpose {
    COLLECTION,
    LOCATION_INFO,
    REMINDER,
    VISIT_NOTICE,
    RESPONSE,
    TERMINATION_NOTICE,
    REMEDY_NOTICE,
    REPOSSESSION
}
