package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.onlyWhen;
import static org.contactguard.core.model.Checks.optionalNonBlank;
import static org.contactguard.core.model.Checks.required;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A limit on contacting the debtor (a cease request, an attorney, an opt-out, a dispute, ...), in force
 * from {@code since} (inclusive) until {@code until} (exclusive), either open-ended. The remaining fields
 * belong to particular kinds and are rejected on any other kind, since a rule reading them there would
 * act on contradictory data.
 */
public record Restriction(
        RestrictionKind kind,
        Instant since,
        Instant until,
        boolean written,
        boolean attorneyKnown,
        Channel channel,
        String contactPointId,
        LocalTime from,
        LocalTime to,
        Place place,
        Instant confirmedInWritingAt) {

    public Restriction {
        required(kind, "kind");
        if (since != null && until != null && !until.isAfter(since)) {
            throw new InvalidInputException("until", "must be after since " + since + ", was " + until);
        }
        onlyWhen(written, kind == RestrictionKind.CEASE_COMMUNICATION || kind == RestrictionKind.NO_CONTACT_AT_WORK,
                "written", "kind is CEASE_COMMUNICATION or NO_CONTACT_AT_WORK");
        onlyWhen(attorneyKnown, kind == RestrictionKind.ATTORNEY_REPRESENTED,
                "attorneyKnown", "kind is ATTORNEY_REPRESENTED");

        boolean optOut = kind == RestrictionKind.OPT_OUT;
        requiredFor(channel, optOut, "channel", RestrictionKind.OPT_OUT);
        onlyWhen(contactPointId != null, optOut, "contactPointId", "kind is OPT_OUT");
        optionalNonBlank(contactPointId, "contactPointId");

        boolean time = kind == RestrictionKind.INCONVENIENT_TIME;
        requiredFor(from, time, "from", RestrictionKind.INCONVENIENT_TIME);
        requiredFor(to, time, "to", RestrictionKind.INCONVENIENT_TIME);
        if (time && from.equals(to)) {
            // Same rule as LocalTimeWindow: from == to could mean "never" or "all day", so refuse to guess.
            throw new InvalidInputException("to", "must differ from from");
        }

        requiredFor(place, kind == RestrictionKind.INCONVENIENT_PLACE, "place", RestrictionKind.INCONVENIENT_PLACE);
        onlyWhen(confirmedInWritingAt != null, kind == RestrictionKind.NO_CONTACT_AT_WORK,
                "confirmedInWritingAt", "kind is NO_CONTACT_AT_WORK");
    }

    private static void requiredFor(Object value, boolean kindMatches, String field, RestrictionKind kind) {
        if (kindMatches && value == null) {
            throw new InvalidInputException(field, "is required when kind is " + kind);
        }
        onlyWhen(value != null, kindMatches, field, "kind is " + kind);
    }

    /** Whether the restriction is in force at {@code t}: {@code since} counts as in force, {@code until} does not. */
    public boolean activeAt(Instant t) {
        Objects.requireNonNull(t, "t");
        return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
    }

    /** The inconvenient hours of an {@code INCONVENIENT_TIME} restriction; null for every other kind. */
    public LocalTimeWindow window() {
        return kind == RestrictionKind.INCONVENIENT_TIME ? new LocalTimeWindow(from, to) : null;
    }

    /** The debtor asked to stop communication (or refused to pay) at {@code since}, in writing or not. */
    public static Restriction cease(Instant since, boolean written) {
        return new Restriction(RestrictionKind.CEASE_COMMUNICATION, since, null, written, false,
                null, null, null, null, null, null);
    }

    /** The debtor is represented by an attorney from {@code since}; {@code attorneyKnown}: name and address known. */
    public static Restriction attorneyRepresented(Instant since, boolean attorneyKnown) {
        return new Restriction(RestrictionKind.ATTORNEY_REPRESENTED, since, null, false, attorneyKnown,
                null, null, null, null, null, null);
    }

    /** Do not use {@code channel}, or only its point {@code contactPointId} when that is not null. */
    public static Restriction optOut(Channel channel, String contactPointId) {
        return new Restriction(RestrictionKind.OPT_OUT, null, null, false, false,
                channel, contactPointId, null, null, null, null);
    }

    /** The debtor said {@code from}-{@code to} (local time, may wrap midnight) is inconvenient. */
    public static Restriction inconvenientTime(LocalTime from, LocalTime to) {
        return new Restriction(RestrictionKind.INCONVENIENT_TIME, null, null, false, false,
                null, null, from, to, null, null);
    }

    /** The debtor said {@code place} is inconvenient. */
    public static Restriction inconvenientPlace(Place place) {
        return new Restriction(RestrictionKind.INCONVENIENT_PLACE, null, null, false, false,
                null, null, null, null, place, null);
    }

    /** The debtor asked not to be contacted at work; {@code confirmedInWritingAt} may be null. */
    public static Restriction noContactAtWork(boolean written, Instant confirmedInWritingAt) {
        return new Restriction(RestrictionKind.NO_CONTACT_AT_WORK, null, null, written, false,
                null, null, null, null, null, confirmedInWritingAt);
    }

    /**
     * An open-ended restriction with no extra fields.
     *
     * @throws InvalidInputException for {@code OPT_OUT}, {@code INCONVENIENT_TIME} and
     *                               {@code INCONVENIENT_PLACE}, which need extra fields
     */
    public static Restriction of(RestrictionKind kind) {
        return of(kind, null, null);
    }

    /** A restriction with no extra fields in force from {@code since} until {@code until}, either may be null. */
    public static Restriction of(RestrictionKind kind, Instant since, Instant until) {
        return new Restriction(kind, since, until, false, false, null, null, null, null, null, null);
    }
}
