package org.contactguard.core.model;

/** The medium a contact uses; {@code SOCIAL_MEDIA} and {@code IM} posts may be public (see {@link Visibility}). */
public enum Channel {
    CALL,
    SMS,
    EMAIL,
    LETTER,
    VISIT,
    IM,
    SOCIAL_MEDIA
}
