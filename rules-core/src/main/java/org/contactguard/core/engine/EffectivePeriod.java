package org.contactguard.core.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;

/**
 * When a rule is in force, from its {@code @effective("YYYY-MM-DD")} and {@code @expires("YYYY-MM-DD")}:
 * from local midnight at the start of the effective date, up to (not including) local midnight at the
 * start of the expiry date, both in the pack's {@code pack.zone}. A rule without either is in force
 * from the beginning of time or to its end.
 *
 * @param effective the first day the rule is in force, or null for no start
 * @param expires the first day the rule is no longer in force, or null for no end
 * @param zone the pack's jurisdiction's zone, in which both days start
 */
public record EffectivePeriod(LocalDate effective, LocalDate expires, ZoneId zone) {

    /** Dates are written {@code YYYY-MM-DD}, and must exist: 2027-02-30 is an error, not March. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    public EffectivePeriod {
        Objects.requireNonNull(zone, "zone");
        if (effective != null && expires != null && !expires.isAfter(effective)) {
            throw new IllegalArgumentException("expires " + expires + " is not after effective " + effective);
        }
    }

    /** The moment the rule comes into force, or null when it has no start. */
    public Instant from() {
        return startOf(effective, zone);
    }

    /** The moment the rule stops being in force, or null when it has no end. */
    public Instant until() {
        return startOf(expires, zone);
    }

    /** Whether the rule is in force at {@code at}. */
    public boolean inForceAt(Instant at) {
        Instant from = from();
        Instant until = until();
        return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
    }

    /** Local midnight at the start of {@code date} in {@code zone} (the first moment of the day, across a DST gap); null for null. */
    static Instant startOf(LocalDate date, ZoneId zone) {
        return date == null ? null : date.atStartOfDay(zone).toInstant();
    }

    /** {@code text} as a date {@code YYYY-MM-DD}; throws IllegalArgumentException saying what is wrong. */
    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date YYYY-MM-DD that exists", e);
        }
    }
}
