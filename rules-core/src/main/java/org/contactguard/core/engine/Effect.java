package org.contactguard.core.engine;

/** What a rule's finding does to the verdict, from its {@code @effect} (default DENY). */
public enum Effect {
    /** The finding denies the action. */
    DENY,
    /** The finding flags a risk and is reported as an advisory; it never denies. */
    ADVISORY
}
