package org.contactguard.core.model;

/** Whether people other than the recipient can see a message, e.g. a post on a public social-media page. */
public enum Visibility {
    PRIVATE,
    PUBLIC
}
