package org.contactguard.core.model;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The zones the contract accepts: IANA region ids of the form {@code Area/Location}
 * ({@code America/New_York}, {@code America/Argentina/Buenos_Aires}), or {@code UTC} / {@code Etc/UTC}.
 * Fixed offsets ({@code UTC+8}, {@code +08:00}, {@code GMT-5}, {@code Etc/GMT+8}), abbreviations and
 * legacy ids ({@code EST}, {@code CST}, {@code EST5EDT}, {@code US/Eastern}), wrong case and stray spaces
 * are refused: an offset says nothing about daylight saving, and {@code CST} means three different zones.
 *
 * <pre>{@code
 * ZoneId zone = TimeZones.parse("Asia/Shanghai", "timeZones[0]");   // InvalidInputException for "UTC+8"
 * }</pre>
 */
public final class TimeZones {

    /** The IANA tz database's geographic areas; other first parts ({@code US/}, {@code Etc/GMT+8}) are legacy. */
    private static final Set<String> AREAS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");

    private static final Pattern AREA_LOCATION = Pattern.compile("[A-Z][A-Za-z]+(/[A-Za-z0-9][A-Za-z0-9_+-]*)+");

    /** What a fixed offset looks like, however spelled: {@code +08:00}, {@code UTC+8}, {@code GMT-5}, {@code Etc/GMT+8}. */
    private static final Pattern OFFSET = Pattern.compile("(?i)\\s*(etc/)?(utc|gmt|ut)?\\s*[+-].*|\\s*z\\s*");

    private TimeZones() {
    }

    /** Whether {@code id} is a zone id the contract accepts, spelt exactly. */
    public static boolean isRegionId(String id) {
        if (id == null) {
            return false;
        }
        if (id.equals("UTC") || id.equals("Etc/UTC")) {
            return true;
        }
        if (!AREA_LOCATION.matcher(id).matches() || !AREAS.contains(id.substring(0, id.indexOf('/')))) {
            return false;
        }
        try {
            // ZoneId.of looks region ids up exactly (case-sensitive) in the JDK's tz database.
            return ZoneId.of(id).getId().equals(id);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * The zone named by {@code text}.
     *
     * @param field the field to name when it is refused, e.g. {@code timeZones[0]}
     * @throws InvalidInputException naming {@code field} when {@code text} is not an accepted zone id
     */
    public static ZoneId parse(String text, String field) {
        Objects.requireNonNull(field, "field");
        Checks.nonBlank(text, field);
        if (isRegionId(text)) {
            return ZoneId.of(text);
        }
        throw refused(text, field);
    }

    /**
     * {@code zone} itself when the contract accepts it.
     *
     * @throws InvalidInputException naming {@code field} for a {@link ZoneOffset}, an offset-based zone
     *     ({@code UTC+08:00}) or a legacy id
     */
    public static ZoneId check(ZoneId zone, String field) {
        Checks.required(zone, field);
        if (zone instanceof ZoneOffset || !isRegionId(zone.getId())) {
            throw refused(zone.getId(), field);
        }
        return zone;
    }

    private static InvalidInputException refused(String text, String field) {
        String quoted = Checks.quoted(text);
        String expected = "zones are IANA region ids Area/Location (e.g. America/New_York), UTC or Etc/UTC";
        if (OFFSET.matcher(text).matches()) {
            return new InvalidInputException(field, quoted + " is a fixed offset, which says nothing about daylight"
                    + " saving; " + expected);
        }
        String suggestion = sameIgnoringCase(text.strip());
        if (suggestion != null) {
            return new InvalidInputException(field, quoted + " is not spelt as the tz database spells it; did you"
                    + " mean " + suggestion + "?");
        }
        if (known(text)) {
            return new InvalidInputException(field, quoted + " is an abbreviation or legacy id; " + expected);
        }
        return new InvalidInputException(field, "unknown zone " + quoted + "; " + expected);
    }

    private static boolean known(String text) {
        if (ZoneId.SHORT_IDS.containsKey(text)) {
            return true;
        }
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The accepted id that differs from {@code text} only in case or surrounding spaces, or null. */
    private static String sameIgnoringCase(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("utc") || lower.equals("etc/utc")) {
            return lower.equals("utc") ? "UTC" : "Etc/UTC";
        }
        // Only on the error path: the set is copied on every call.
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.toLowerCase(Locale.ROOT).equals(lower) && isRegionId(id)) {
                return id;
            }
        }
        return null;
    }
}
