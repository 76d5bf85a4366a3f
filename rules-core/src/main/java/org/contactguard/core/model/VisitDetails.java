package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.nonNegative;

/**
 * How an in-person visit is (or was) carried out. {@code personContacted} is only known afterwards,
 * so it may be true on a history entry but never on a proposed action.
 */
public record VisitDetails(
        int staffCount,
        boolean credentialsShown,
        boolean recorded,
        boolean entersPremises,
        boolean invitedIn,
        boolean personContacted) {

    public VisitDetails {
        nonNegative(staffCount, "staffCount");
    }
}
