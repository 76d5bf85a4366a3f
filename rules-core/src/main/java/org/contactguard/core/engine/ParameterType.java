package org.contactguard.core.engine;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The types a pack parameter may have, with the text forms {@code pack.properties} accepts.
 * Parsing is strict: a value that is not exactly of its type is a load error, never a default.
 */
enum ParameterType {
    INT("a whole number >= 0, e.g. 7", text -> nonNegative(Integer.valueOf(text))),
    LONG("a whole number >= 0", text -> nonNegative(Long.valueOf(text))),
    DOUBLE("a number >= 0, e.g. 0.5", text -> nonNegative(Double.valueOf(text))),
    BOOLEAN("true or false", ParameterType::parseBoolean),
    STRING("text", text -> text),
    LOCAL_TIME("a local time HH:mm, e.g. 08:00", ParameterType::parseLocalTime),
    DURATION("a duration such as 7d, 24h, 5m or ISO-8601 P7D / PT5M", ParameterType::parseDuration),
    ZONE("an IANA time zone id, e.g. Asia/Shanghai", ZoneId::of),
    /**
     * A {@link org.contactguard.core.rules.TermList} file: a path relative to the pack folder (or
     * absolute). Reading it needs the pack's folder, so {@link TermListFiles} loads it, not {@link #parse}.
     */
    TERM_LIST("a term-list file path relative to the pack folder, e.g. terms/threats.txt", ParameterType::notDirectly);

    private static final Map<String, ParameterType> BY_DECLARED_NAME = Map.ofEntries(
            Map.entry("int", INT), Map.entry("Integer", INT), Map.entry("java.lang.Integer", INT),
            Map.entry("long", LONG), Map.entry("Long", LONG), Map.entry("java.lang.Long", LONG),
            Map.entry("double", DOUBLE), Map.entry("Double", DOUBLE), Map.entry("java.lang.Double", DOUBLE),
            Map.entry("boolean", BOOLEAN), Map.entry("Boolean", BOOLEAN), Map.entry("java.lang.Boolean", BOOLEAN),
            Map.entry("String", STRING), Map.entry("java.lang.String", STRING),
            Map.entry("LocalTime", LOCAL_TIME), Map.entry("java.time.LocalTime", LOCAL_TIME),
            Map.entry("Duration", DURATION), Map.entry("java.time.Duration", DURATION),
            Map.entry("ZoneId", ZONE), Map.entry("java.time.ZoneId", ZONE),
            Map.entry("TermList", TERM_LIST), Map.entry("org.contactguard.core.rules.TermList", TERM_LIST));

    private static final Pattern HH_MM = Pattern.compile("\\d{2}:\\d{2}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([dhms])");

    private final String expected;
    private final Function<String, Object> parser;

    ParameterType(String expected, Function<String, Object> parser) {
        this.expected = expected;
        this.parser = parser;
    }

    /** The type for a field type as written in a DRL {@code declare}, or null if unsupported. */
    static ParameterType ofDeclared(String declaredType) {
        return BY_DECLARED_NAME.get(declaredType.strip());
    }

    /** Supported declared type names, for error messages. */
    static String supported() {
        return "int, long, double, boolean, String, LocalTime, Duration, ZoneId, TermList";
    }

    /** What a value must look like, for error messages. */
    String expected() {
        return expected;
    }

    /** The value of {@code text}; throws IllegalArgumentException when it is not of this type. */
    Object parse(String text) {
        try {
            return parser.apply(text.strip());
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Caps, counts and windows are never negative; a minus sign is a typo, not a setting. */
    private static Object nonNegative(Number value) {
        if (value.doubleValue() < 0 || Double.isNaN(value.doubleValue())) {
            throw new IllegalArgumentException("negative");
        }
        return value;
    }

    private static Object notDirectly(String text) {
        throw new IllegalStateException("a term list is read from its file by TermListFiles, not parsed from '" + text + "'");
    }

    private static Object parseBoolean(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("not true or false");
    }

    private static Object parseLocalTime(String text) {
        if (!HH_MM.matcher(text).matches()) {
            throw new IllegalArgumentException("not HH:mm");
        }
        return LocalTime.parse(text);
    }

    private static Object parseDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        Duration parsed = Duration.parse(text);
        if (parsed.isNegative()) {
            throw new IllegalArgumentException("negative");
        }
        return parsed;
    }
}
