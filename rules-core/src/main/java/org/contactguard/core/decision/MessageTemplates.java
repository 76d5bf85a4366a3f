package org.contactguard.core.decision;

import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.contactguard.core.rules.Tally;

/**
 * Fills a rule's message template: {@code {name}} is replaced by the value the finding bound under
 * that name ({@code $calls} as {@code {calls}}, a tally's {@code {count}}, {@code {subject}},
 * {@code {reopensAt}}), else by the pack's parameter of that name ({@code {callCap}}). A name found
 * in neither stays as written, so a mistake shows in the message instead of vanishing.
 */
final class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    private MessageTemplates() {
    }

    /** Whether {@code message} names anything to fill in. */
    static boolean isTemplate(String message) {
        return message.indexOf('{') >= 0 && PLACEHOLDER.matcher(message).find();
    }

    /** The values {@code template} names, as text, in the order it names them. */
    static Map<String, String> arguments(String template, Map<String, Object> bound, Map<String, Object> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher names = PLACEHOLDER.matcher(template);
        while (names.find()) {
            String name = names.group(1);
            Object value = bound.containsKey(name) ? bound.get(name) : parameters.get(name);
            if (value != null || bound.containsKey(name)) {
                values.putIfAbsent(name, text(value));
            }
        }
        return values;
    }

    /** {@code template} with every placeholder that {@code arguments} has replaced by its value. */
    static String fill(String template, Map<String, String> arguments) {
        Matcher names = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (names.find()) {
            String value = arguments.get(names.group(1));
            names.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : names.group()));
        }
        names.appendTail(out);
        return out.toString();
    }

    /** How a value reads in a message: a duration in days, hours or minutes; a clock time as HH:mm. */
    static String text(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Tally tally) {
            return tally.subject();
        }
        if (value instanceof Duration duration) {
            if (!duration.isZero() && duration.toHours() % 24 == 0 && duration.toSeconds() % 3600 == 0) {
                long days = duration.toDays();
                return days + (days == 1 ? " day" : " days");
            }
            if (duration.toSeconds() % 3600 == 0) {
                return duration.toHours() + " h";
            }
            return duration.toMinutes() + " min";
        }
        if (value instanceof LocalTime time) {
            return time.toString().substring(0, 5);
        }
        return value.toString();
    }
}
