package org.contactguard.core.model;

/** The kind of source a rule's citation points to, from binding law down to the collector's own policy. */
public enum Authority {
    LAW,
    REGULATION,
    OFFICIAL_GUIDANCE,
    STANDARD,
    SELF_REGULATORY,
    CASE_LAW,
    HOUSE_POLICY
}
