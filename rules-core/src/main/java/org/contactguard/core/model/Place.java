package org.contactguard.core.model;

/** Where a visit happens or where a contact is known to reach the person; {@code OTHER} when not known. */
public enum Place {
    HOME,
    WORK,
    PUBLIC,
    OTHER
}
