package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.nonBlank;
import static org.contactguard.core.model.Checks.orDefault;
import static org.contactguard.core.model.Checks.required;

/**
 * A number or address used to reach someone, with a stable {@code id}; {@code shared} means others may
 * see or hear what is sent there (a family landline's voicemail, a shared inbox).
 */
public record ContactPoint(
        String id, ContactPointKind kind, boolean employerProvided, ContactPointSource source, boolean shared) {

    public ContactPoint {
        nonBlank(id, "id");
        required(kind, "kind");
        source = orDefault(source, ContactPointSource.UNKNOWN);
    }

    /** A private, not employer-provided point of unknown source. */
    public static ContactPoint of(String id, ContactPointKind kind) {
        return new ContactPoint(id, kind, false, ContactPointSource.UNKNOWN, false);
    }
}
