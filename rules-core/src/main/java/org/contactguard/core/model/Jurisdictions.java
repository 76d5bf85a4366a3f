package org.contactguard.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Jurisdiction codes ({@code CN}, {@code US}, {@code US-FL}, {@code US-NYC}, {@code UK}, {@code EU-IE}) and
 * how they stack: a code stacks on its prefix, so {@code US-FL} brings in {@code US}, and
 * {@code US-NYC} stacks on {@code US-NY} (New York City lies in New York State), which stacks on
 * {@code US}.
 *
 * <pre>{@code
 * Jurisdictions.stack("US-NYC");   // [US-NYC, US-NY, US]
 * }</pre>
 */
public final class Jurisdictions {

    /** Letters or digits, parts joined by single hyphens: {@code US-MA}, not {@code US--MA}, {@code US_MA} or {@code US/MA}. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

    /** Codes whose parent is not what cutting the last part gives: a city inside a state. */
    private static final Map<String, String> PARENTS = Map.of("US-NYC", "US-NY");

    private Jurisdictions() {
    }

    /**
     * {@code code} trimmed and in upper case, as codes are compared exactly: {@code " us-ma"} must mean
     * {@code US-MA}, or it would skip the overlay and fail open.
     *
     * @throws InvalidInputException naming {@code field} when the code is blank or not parts of letters
     *     and digits joined by hyphens
     */
    public static String normalise(String code, String field) {
        String normal = Checks.nonBlank(code, field).strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normal).matches()) {
            throw new InvalidInputException(field, Checks.quoted(code) + " is not a jurisdiction code such as CN, US,"
                    + " US-MA or EU-IE (letters and digits, parts joined by one hyphen)");
        }
        return normal;
    }

    /** The code a (normalised) code stacks on, or null for a top-level code. */
    public static String parent(String code) {
        String parent = PARENTS.get(code);
        if (parent != null) {
            return parent;
        }
        int dash = code.lastIndexOf('-');
        return dash < 0 ? null : code.substring(0, dash);
    }

    /** {@code code} followed by every code it stacks on, most specific first: {@code US-FL} gives [US-FL, US]. */
    public static List<String> stack(String code) {
        List<String> codes = new ArrayList<>(3);
        for (String c = code; c != null && !codes.contains(c); c = parent(c)) {
            codes.add(c);
        }
        return List.copyOf(codes);
    }
}
