package org.contactguard.core.engine;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.contactguard.core.rules.TermList;

/**
 * Which way a pack parameter becomes stricter, as the pack declares it in {@code pack.properties}
 * ({@code stricter.callCap = lower}). A tenant overlay may move a parameter only that way, so a
 * compliance reader sees beside each value what a client may and may not do with it.
 */
enum Tightening {
    /** A lower number is stricter: a cap. */
    LOWER("lower", "a whole number or number; a lower value is stricter (a cap)"),
    /** A higher number is stricter: a window counted in days, a minimum gap. */
    HIGHER("higher", "a whole number or number; a higher value is stricter (a window in days)"),
    /** An earlier time is stricter: the latest permitted hour. */
    EARLIER("earlier", "a local time; an earlier time is stricter (the latest permitted hour)"),
    /** A later time is stricter: the earliest permitted hour. */
    LATER("later", "a local time; a later time is stricter (the earliest permitted hour)"),
    /** A shorter duration is stricter. */
    SHORTER("shorter", "a duration; a shorter one is stricter"),
    /** A longer duration is stricter: a window, a waiting period. */
    LONGER("longer", "a duration; a longer one is stricter (a window)"),
    /** A term list that keeps every term and may add more is stricter. */
    MORE_TERMS("more-terms", "a term list; it may only grow (every term of the pack's list stays)"),
    /** {@code true} is stricter: a switch that turns a protection on. */
    TRUE("true", "true or false; true is stricter (the protection is on)"),
    /** {@code false} is stricter: a switch that turns an exemption off. */
    FALSE("false", "true or false; false is stricter (the exemption is off)");

    /** The {@code pack.properties} prefix that declares a parameter's direction. */
    static final String PREFIX = "stricter.";

    private final String word;
    private final String meaning;

    Tightening(String word, String meaning) {
        this.word = word;
        this.meaning = meaning;
    }

    /** The direction {@code word} names, or null. */
    static Tightening of(String word) {
        for (Tightening direction : values()) {
            if (direction.word.equals(word.strip().toLowerCase(Locale.ROOT))) {
                return direction;
            }
        }
        return null;
    }

    /** The words a declaration may use, for error messages. */
    static String words() {
        StringBuilder out = new StringBuilder();
        for (Tightening direction : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(direction.word);
        }
        return out.toString();
    }

    /** How the declaration is written. */
    String word() {
        return word;
    }

    /** What the direction means, for error messages. */
    String meaning() {
        return meaning;
    }

    /** Whether a parameter of {@code type} can be tightened this way. */
    boolean fits(ParameterType type) {
        return switch (this) {
            case LOWER, HIGHER -> type == ParameterType.INT || type == ParameterType.LONG || type == ParameterType.DOUBLE;
            case EARLIER, LATER -> type == ParameterType.LOCAL_TIME;
            case SHORTER, LONGER -> type == ParameterType.DURATION;
            case MORE_TERMS -> type == ParameterType.TERM_LIST;
            case TRUE, FALSE -> type == ParameterType.BOOLEAN;
        };
    }

    /** Whether {@code candidate} is as strict as {@code base} or stricter; both of a type this direction {@link #fits}. */
    boolean keepsOrTightens(Object base, Object candidate) {
        return switch (this) {
            case LOWER -> ((Number) candidate).doubleValue() <= ((Number) base).doubleValue();
            case HIGHER -> ((Number) candidate).doubleValue() >= ((Number) base).doubleValue();
            case EARLIER -> !((LocalTime) candidate).isAfter((LocalTime) base);
            case LATER -> !((LocalTime) candidate).isBefore((LocalTime) base);
            case SHORTER -> ((Duration) candidate).compareTo((Duration) base) <= 0;
            case LONGER -> ((Duration) candidate).compareTo((Duration) base) >= 0;
            case MORE_TERMS -> new HashSet<>(((TermList) candidate).terms()).containsAll(termsOf(base));
            case TRUE -> (Boolean) candidate || !(Boolean) base;
            case FALSE -> !(Boolean) candidate || (Boolean) base;
        };
    }

    private static Set<String> termsOf(Object list) {
        return new HashSet<>(((TermList) list).terms());
    }
}
