package org.contactguard.core.model;

/**
 * Where the collector got a number or address from; some packs forbid using points from some sources
 * (e.g. harvested phone books). {@code UNKNOWN} when not recorded.
 */
public enum ContactPointSource {
    CONTRACT,
    DEBTOR_PROVIDED,
    DEBTOR_AUTHORISED,
    PUBLIC_RECORD,
    CONTACT_PERSON_PROVIDED,
    CREDIT_BUREAU,
    PHONE_BOOK_HARVEST,
    UNKNOWN
}
