package org.contactguard.core.decision;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * Templates parsed once: a decision fills one per finding, and a regular-expression pass per
     * fill was a tenth of a decision's time. Rule messages are few; the bound only matters for an
     * engine reloaded with edited messages many times over.
     */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 4096;

    private MessageTemplates() {
    }

    /** Whether {@code message} names anything to fill in. */
    static boolean isTemplate(String message) {
        return message.indexOf('{') >= 0 && parsed(message).names.length > 0;
    }

    /** The values {@code template} names, as text, in the order it names them. */
    static Map<String, String> arguments(String template, Map<String, Object> bound, Map<String, Object> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : parsed(template).names) {
            Object value = bound.containsKey(name) ? bound.get(name) : parameters.get(name);
            if (value != null || bound.containsKey(name)) {
                values.putIfAbsent(name, text(value));
            }
        }
        return values;
    }

    /** {@code template} with every placeholder that {@code arguments} has replaced by its value. */
    static String fill(String template, Map<String, String> arguments) {
        Parsed parsed = parsed(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < parsed.names.length; i++) {
            out.append(parsed.literals[i]);
            String value = arguments.get(parsed.names[i]);
            if (value != null) {
                out.append(value);
            } else {
                out.append('{').append(parsed.names[i]).append('}');
            }
        }
        return out.append(parsed.literals[parsed.names.length]).toString();
    }

    private static Parsed parsed(String template) {
        Parsed parsed = PARSED.get(template);
        if (parsed == null) {
            if (PARSED.size() >= MAX_PARSED) {
                PARSED.clear();
            }
            parsed = Parsed.of(template);
            PARSED.put(template, parsed);
        }
        return parsed;
    }

    /** A template split at its placeholders: {@code literals[i]}, then {@code names[i]}, ..., then the last literal. */
    private record Parsed(String[] literals, String[] names) {
        static Parsed of(String template) {
            List<String> literals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(template);
            int from = 0;
            while (matcher.find()) {
                literals.add(template.substring(from, matcher.start()));
                names.add(matcher.group(1));
                from = matcher.end();
            }
            literals.add(template.substring(from));
            return new Parsed(literals.toArray(String[]::new), names.toArray(String[]::new));
        }
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
