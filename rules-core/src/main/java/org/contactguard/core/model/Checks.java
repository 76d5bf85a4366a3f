package org.contactguard.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation helpers shared by the records, so every message is worded the same way. */
final class Checks {

    private Checks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    static String nonBlank(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return value;
    }

    /** An optional string may be absent, but a blank one is almost always a caller bug (e.g. an empty id). */
    static String optionalNonBlank(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank when present");
        }
        return value;
    }

    static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidInputException(field, "must be >= 0, was " + value);
        }
        return value;
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** Immutable copy of an optional list: null means empty, a null element is an error naming its index. */
    static <T> List<T> listOf(List<? extends T> list, String field) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidInputException(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(list);
    }

    /** Copies a list of ids (or names), rejecting blank and repeated entries. */
    static List<String> distinctNonBlank(List<String> list, String field, String what) {
        List<String> copy = listOf(list, field);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            String element = nonBlank(copy.get(i), field + "[" + i + "]");
            if (!seen.add(element)) {
                throw new InvalidInputException(field + "[" + i + "]", "duplicate " + what + " \"" + element + "\"");
            }
        }
        return copy;
    }

    /** Rejects a kind-specific field on a record whose kind does not give it a meaning. */
    static void onlyWhen(boolean present, boolean allowed, String field, String condition) {
        if (present && !allowed) {
            throw new InvalidInputException(field, "is only allowed when " + condition);
        }
    }

    static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
