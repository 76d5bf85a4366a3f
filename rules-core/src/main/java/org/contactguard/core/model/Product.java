package org.contactguard.core.model;

/** The kind of credit an {@link Account} is; some packs treat e.g. medical or student-loan debt differently. */
public enum Product {
    CONSUMER_LOAN,
    CREDIT_CARD,
    AUTO_LOAN,
    MORTGAGE,
    MEDICAL,
    STUDENT_LOAN,
    INTERNET_LOAN,
    OTHER
}
