package org.contactguard.core.model;

/** What kind of number or address a {@link ContactPoint} is. */
public enum ContactPointKind {
    MOBILE,
    HOME_PHONE,
    WORK_PHONE,
    EMAIL,
    IM_ACCOUNT,
    ADDRESS
}
