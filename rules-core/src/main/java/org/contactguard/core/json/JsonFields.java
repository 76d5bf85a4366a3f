package org.contactguard.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.TimeZones;

/**
 * One JSON object being read strictly, with the path that leads to it: unknown fields, wrong types,
 * unknown enum constants and missing required fields all throw {@link InvalidInputException} naming the
 * full path (e.g. {@code history[2].outcome}). {@code null} counts as absent, as the contract says.
 */
final class JsonFields {

    /** Local times are {@code HH:mm}; seconds are accepted so a Java-built time survives a round trip. */
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * Reads {@code node} at {@code path} as an object that may only hold {@code known} fields.
     *
     * @throws InvalidInputException if it is not an object or holds another field
     */
    static JsonFields of(JsonNode node, String path, Set<String> known) {
        if (!node.isObject()) {
            throw new InvalidInputException(path.isEmpty() ? "request" : path,
                    "must be an object, was " + typeOf(node));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidInputException(child(path, name),
                        "unknown field; allowed: " + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return new JsonFields(node, path);
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** The JSON type of a node, as a reader would name it. */
    static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    String path() {
        return path;
    }

    String path(String name) {
        return child(path, name);
    }

    /** Whether the field is present and not null. */
    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    private JsonNode value(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidInputException(path(name), "is required");
            }
            return null;
        }
        return value;
    }

    private static InvalidInputException wrongType(String path, String expected, JsonNode value) {
        return new InvalidInputException(path, "must be " + expected + ", was " + typeOf(value));
    }

    String string(String name, boolean required) {
        JsonNode value = value(name, required);
        return value == null ? null : text(value, path(name));
    }

    static String text(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw wrongType(path, "a string", value);
        }
        return value.textValue();
    }

    /** An optional boolean with its contract default. */
    boolean bool(String name, boolean fallback) {
        JsonNode value = value(name, false);
        return value == null ? fallback : booleanOf(value, path(name));
    }

    boolean requiredBool(String name) {
        return booleanOf(value(name, true), path(name));
    }

    private static boolean booleanOf(JsonNode value, String path) {
        if (!value.isBoolean()) {
            throw wrongType(path, "a boolean", value);
        }
        return value.booleanValue();
    }

    int requiredInt(String name) {
        JsonNode value = value(name, true);
        if (!value.isIntegralNumber()) {
            throw wrongType(path(name), "an integer", value);
        }
        if (!value.canConvertToInt()) {
            throw new InvalidInputException(path(name), "is out of range: " + value.asText());
        }
        return value.intValue();
    }

    <E extends Enum<E>> E constant(String name, Class<E> type, boolean required) {
        JsonNode value = value(name, required);
        return value == null ? null : constant(value, path(name), type);
    }

    static <E extends Enum<E>> E constant(JsonNode value, String path, Class<E> type) {
        String text = text(value, path);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new InvalidInputException(path, "unknown constant \"" + text + "\"; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    Instant instant(String name, boolean required) {
        JsonNode value = value(name, required);
        return value == null ? null : instant(value, path(name));
    }

    static Instant instant(JsonNode value, String path) {
        String text = text(value, path);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            InvalidInputException problem = new InvalidInputException(path,
                    "\"" + text + "\" is not an ISO-8601 instant with an offset or Z, e.g. 2026-03-10T14:30:00Z");
            problem.initCause(e);
            throw problem;
        }
    }

    LocalTime localTime(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        String text = text(value, path(name));
        try {
            if (LOCAL_TIME.matcher(text).matches()) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            InvalidInputException problem = new InvalidInputException(path(name), "\"" + text + "\" is not a time HH:mm");
            problem.initCause(e);
            throw problem;
        }
        throw new InvalidInputException(path(name), "\"" + text + "\" is not a time HH:mm");
    }

    /** An IANA region id ({@code Area/Location}, {@code UTC}, {@code Etc/UTC}); anything else names the path. */
    static ZoneId zone(JsonNode value, String path) {
        return TimeZones.parse(text(value, path), path);
    }

    /** A list field; absent gives null when required is false, so the caller can apply the default. */
    <T> List<T> list(String name, boolean required, BiFunction<JsonNode, String, T> element) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        String listPath = path(name);
        if (!value.isArray()) {
            throw wrongType(listPath, "an array", value);
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isNull()) {
                throw new InvalidInputException(index(listPath, i), "must not be null");
            }
            items.add(element.apply(item, index(listPath, i)));
        }
        return items;
    }

    List<String> strings(String name, boolean required) {
        return list(name, required, JsonFields::text);
    }

    /** A nested object; null when absent and not required. */
    JsonFields object(String name, boolean required, Set<String> known) {
        JsonNode value = value(name, required);
        return value == null ? null : of(value, path(name), known);
    }

    /** The raw node of a present field, or null. */
    JsonNode raw(String name) {
        return value(name, false);
    }

    /** Names of the fields present (not null) in this object, in document order. */
    List<String> presentFields() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (has(name)) {
                names.add(name);
            }
        });
        return names;
    }
}
