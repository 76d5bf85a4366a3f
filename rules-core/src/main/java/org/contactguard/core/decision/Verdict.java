package org.contactguard.core.decision;

/** Whether the proposed contact may happen. */
public enum Verdict {
    /** No loaded rule objects. */
    ALLOW,
    /** At least one rule objects, or the request could not be decided. */
    DENY
}
