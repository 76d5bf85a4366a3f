package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.optionalNonBlank;
import static org.contactguard.core.model.Checks.required;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Something the debtor agreed to (contact at set hours, a callback, electronic contact, contact with a
 * third party, more visits), valid from {@code givenAt} (inclusive) until {@code validUntil} (exclusive,
 * open-ended when null).
 */
public record Consent(
        ConsentKind kind,
        Instant givenAt,
        Channel channel,
        String contactPointId,
        Instant validUntil,
        Instant renewedAt,
        LocalTime from,
        LocalTime to,
        boolean written) {

    public Consent {
        required(kind, "kind");
        required(givenAt, "givenAt");
        optionalNonBlank(contactPointId, "contactPointId");
        if (validUntil != null && !validUntil.isAfter(givenAt)) {
            throw new InvalidInputException("validUntil", "must be after givenAt " + givenAt + ", was " + validUntil);
        }
        if (renewedAt != null && renewedAt.isBefore(givenAt)) {
            throw new InvalidInputException("renewedAt", "must not be before givenAt " + givenAt + ", was " + renewedAt);
        }
        if (kind == ConsentKind.CONTACT_TIME) {
            if (from == null) {
                throw new InvalidInputException("from", "is required when kind is CONTACT_TIME");
            }
            if (to == null) {
                throw new InvalidInputException("to", "is required when kind is CONTACT_TIME");
            }
        }
        if (kind == ConsentKind.AUTOMATED_CONTACT && contactPointId == null) {
            // TCPA consent is given for a number: without one it would authorise robocalls to every number.
            throw new InvalidInputException("contactPointId", "is required when kind is AUTOMATED_CONTACT");
        }
        if (from == null && to != null) {
            throw new InvalidInputException("from", "is required when to is set");
        }
        if (from != null && to == null) {
            throw new InvalidInputException("to", "is required when from is set");
        }
        if (from != null && from.equals(to)) {
            // Same rule as LocalTimeWindow: from == to could mean "never" or "all day", so refuse to guess.
            throw new InvalidInputException("to", "must differ from from");
        }
    }

    /** Whether the consent holds at {@code t}: {@code givenAt} counts, {@code validUntil} does not. */
    public boolean validAt(Instant t) {
        Objects.requireNonNull(t, "t");
        return !t.isBefore(givenAt) && (validUntil == null || t.isBefore(validUntil));
    }

    /** The agreed hours, or null when the consent has none. */
    public LocalTimeWindow window() {
        return from == null ? null : new LocalTimeWindow(from, to);
    }

    /** The debtor agreed, at {@code givenAt}, to be contacted {@code from}-{@code to} even outside normal hours. */
    public static Consent contactTime(Instant givenAt, LocalTime from, LocalTime to) {
        return new Consent(ConsentKind.CONTACT_TIME, givenAt, null, null, null, null, from, to, false);
    }

    /** The debtor asked, at {@code givenAt}, to be called back until {@code validUntil} (null: no end). */
    public static Consent callback(Instant givenAt, Instant validUntil) {
        return new Consent(ConsentKind.CALLBACK, givenAt, null, null, validUntil, null, null, null, false);
    }

    /** The debtor consented, at {@code givenAt}, to {@code channel} messages at {@code contactPointId}. */
    public static Consent electronic(Instant givenAt, Channel channel, String contactPointId) {
        return new Consent(ConsentKind.ELECTRONIC, givenAt, channel, contactPointId, null, null, null, null, false);
    }

    /**
     * The debtor gave, at {@code givenAt}, prior express consent to automated calls or texts at
     * {@code contactPointId}; {@code channel} null: calls and texts alike.
     */
    public static Consent automatedContact(Instant givenAt, Channel channel, String contactPointId) {
        return new Consent(ConsentKind.AUTOMATED_CONTACT, givenAt, channel, contactPointId, null, null, null, null,
                false);
    }
}
