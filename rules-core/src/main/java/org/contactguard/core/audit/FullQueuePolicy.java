package org.contactguard.core.audit;

/**
 * What a decision does when the audit queue is full (the sink is slower than the deciding, or
 * failing). Either way no record is dropped: the decision waits for room, or is not given.
 */
public enum FullQueuePolicy {
    /**
     * Wait for room, up to the trail's {@code maxWait}; if there is still none, DENY with
     * {@code AUDIT-UNAVAILABLE}. Deciding slows down to the sink's pace.
     */
    WAIT,
    /** DENY with {@code AUDIT-UNAVAILABLE} at once: deciding never slows down, contacts stop. */
    DENY
}
