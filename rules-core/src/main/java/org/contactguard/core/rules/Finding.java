package org.contactguard.core.rules;

import java.time.Instant;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule inserts when it fires: which rule, an optional detail for the message, and when the
 * restriction it found ends.
 *
 * <p>The rule's citation, authority, message and effect are not carried here: the engine looks
 * them up by {@code ruleId} in the metadata it validated at load, so a consequence cannot
 * misstate them.
 *
 * @param ruleId the firing rule's {@code @id}
 * @param detail text appended to the rule's {@code @message}, or null
 * @param retryAt the earliest moment at which this rule would no longer object to the same action,
 *     or null when the restriction has no known end
 * @param invalidField for a rule that found the request unusable (e.g. no time zone): the field
 *     path; the engine then reports the reserved reason {@code INPUT-INVALID}; null otherwise
 */
public record Finding(String ruleId, String detail, Instant retryAt, String invalidField) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
    }

    /** The rule objects and knows no moment at which it would stop objecting. */
    public static Finding of(RuleContext context) {
        return new Finding(idOf(context), null, null, null);
    }

    /** The rule objects until {@code retryAt} (null: no known end). */
    public static Finding until(RuleContext context, Instant retryAt) {
        return new Finding(idOf(context), null, retryAt, null);
    }

    /** The rule objects until {@code retryAt} (null: no known end); {@code detail} completes the message. */
    public static Finding until(RuleContext context, Instant retryAt, String detail) {
        return new Finding(idOf(context), detail, retryAt, null);
    }

    /**
     * The rule cannot be decided because a field it needs is missing or unusable: the engine
     * denies with the reserved reason {@code INPUT-INVALID}, naming {@code field}.
     */
    public static Finding inputInvalid(RuleContext context, String field, String problem) {
        return new Finding(idOf(context), problem, null, Objects.requireNonNull(field, "field"));
    }

    private static String idOf(RuleContext context) {
        Object id = context.getRule().getMetaData().get("id");
        if (!(id instanceof String text) || text.isBlank()) {
            // The loader rejects rules without @id, so reaching this means the rule base was not
            // built by our loader; refuse rather than report an anonymous reason.
            throw new IllegalStateException("rule \"" + context.getRule().getName() + "\" has no @id");
        }
        return text;
    }
}
