package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.onlyWhen;
import static org.contactguard.core.model.Checks.optionalNonBlank;
import static org.contactguard.core.model.Checks.required;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A limit on contacting the debtor (a cease request, an attorney, an opt-out, a dispute, ...), in force
 * from {@code since} (inclusive) until {@code until} (exclusive), either open-ended, about the debts in
 * {@code accountIds} (empty: all the debtor's accounts; a cease or dispute about one debt leaves the
 * others alone). The remaining fields belong to particular kinds and are rejected on any other kind,
 * since a rule reading them there would act on contradictory data: {@code written} (CEASE_COMMUNICATION,
 * NO_CONTACT_AT_WORK, DISPUTED), {@code attorneyKnown} (ATTORNEY_REPRESENTED), {@code channel} and
 * {@code contactPointId} (OPT_OUT), {@code from} and {@code to} (INCONVENIENT_TIME), {@code place}
 * (INCONVENIENT_PLACE), {@code confirmedInWritingAt} (NO_CONTACT_AT_WORK), {@code withinValidationPeriod}
 * and {@code verificationSentAt} (DISPUTED), {@code status} (BANKRUPTCY, default OPEN) and
 * {@code mentalHealthCrisis} (BREATHING_SPACE).
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
        Instant confirmedInWritingAt,
        boolean withinValidationPeriod,
        Instant verificationSentAt,
        BankruptcyStatus status,
        boolean mentalHealthCrisis,
        List<String> accountIds) {

    public Restriction {
        required(kind, "kind");
        if (since != null && until != null && !until.isAfter(since)) {
            throw new InvalidInputException("until", "must be after since " + since + ", was " + until);
        }
        onlyWhen(written, kind == RestrictionKind.CEASE_COMMUNICATION || kind == RestrictionKind.NO_CONTACT_AT_WORK
                || kind == RestrictionKind.DISPUTED, "written", "kind is CEASE_COMMUNICATION, NO_CONTACT_AT_WORK or DISPUTED");
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

        boolean disputed = kind == RestrictionKind.DISPUTED;
        onlyWhen(withinValidationPeriod, disputed, "withinValidationPeriod", "kind is DISPUTED");
        onlyWhen(verificationSentAt != null, disputed, "verificationSentAt", "kind is DISPUTED");
        boolean bankruptcy = kind == RestrictionKind.BANKRUPTCY;
        onlyWhen(status != null, bankruptcy, "status", "kind is BANKRUPTCY");
        if (bankruptcy && status == null) {
            status = BankruptcyStatus.OPEN;
        }
        onlyWhen(mentalHealthCrisis, kind == RestrictionKind.BREATHING_SPACE, "mentalHealthCrisis",
                "kind is BREATHING_SPACE");
        // An empty list is the contract's "all the debtor's accounts"; a blank or repeated id is a caller bug.
        accountIds = Checks.distinctNonBlank(accountIds, "accountIds", "id");
    }

    /** The fields of contract v1 before the 2026-12-03 additions: about every account, no dispute, bankruptcy or breathing-space details. */
    public Restriction(RestrictionKind kind, Instant since, Instant until, boolean written, boolean attorneyKnown,
            Channel channel, String contactPointId, LocalTime from, LocalTime to, Place place,
            Instant confirmedInWritingAt) {
        this(kind, since, until, written, attorneyKnown, channel, contactPointId, from, to, place, confirmedInWritingAt,
                false, null, null, false, List.of());
    }

    private static void requiredFor(Object value, boolean kindMatches, String field, RestrictionKind kind) {
        if (kindMatches && value == null) {
            throw new InvalidInputException(field, "is required when kind is " + kind);
        }
        onlyWhen(value != null, kindMatches, field, "kind is " + kind);
    }

    /** Whether the restriction is about the account with this id: it names it, or names none (all accounts). */
    public boolean covers(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return accountIds.isEmpty() || accountIds.contains(accountId);
    }

    /** The same restriction about only the accounts with these ids (none: all the debtor's accounts). */
    public Restriction forAccounts(String... ids) {
        Objects.requireNonNull(ids, "ids");
        return new Restriction(kind, since, until, written, attorneyKnown, channel, contactPointId, from, to, place,
                confirmedInWritingAt, withinValidationPeriod, verificationSentAt, status, mentalHealthCrisis,
                Arrays.asList(ids));
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
     * The debtor disputes the debt from {@code since}; {@code written}: in writing; {@code withinValidationPeriod}:
     * within the validation period; {@code verificationSentAt}: when verification was sent (null: not yet).
     */
    public static Restriction disputed(Instant since, boolean written, boolean withinValidationPeriod,
            Instant verificationSentAt) {
        return new Restriction(RestrictionKind.DISPUTED, since, null, written, false, null, null, null, null, null, null,
                withinValidationPeriod, verificationSentAt, null, false, List.of());
    }

    /** A bankruptcy case from {@code since} with this {@code status} (null: OPEN). */
    public static Restriction bankruptcy(Instant since, BankruptcyStatus status) {
        return new Restriction(RestrictionKind.BANKRUPTCY, since, null, false, false, null, null, null, null, null, null,
                false, null, status, false, List.of());
    }

    /** A breathing space (UK debt respite) from {@code since} until {@code until}; {@code mentalHealthCrisis}: the crisis kind. */
    public static Restriction breathingSpace(Instant since, Instant until, boolean mentalHealthCrisis) {
        return new Restriction(RestrictionKind.BREATHING_SPACE, since, until, false, false, null, null, null, null,
                null, null, false, null, null, mentalHealthCrisis, List.of());
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

    /**
     * A restriction with no extra fields in force from {@code since} until {@code until}, either may be null
     * (a BANKRUPTCY is OPEN).
     */
    public static Restriction of(RestrictionKind kind, Instant since, Instant until) {
        return new Restriction(kind, since, until, false, false, null, null, null, null, null, null);
    }
}
