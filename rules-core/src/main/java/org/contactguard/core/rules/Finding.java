package org.contactguard.core.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kie.api.runtime.rule.FactHandle;
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
 * @param arguments the values a message template may name, by name: the facts the rule bound
 *     ({@code $calls} as {@code calls}) and, for a bound {@link Tally}, its {@code count}, {@code cap},
 *     {@code subject}, {@code reopensAt} and {@code window}; empty for findings made the old way
 * @param evidence the moments of the history entries the finding rests on (a tally's counted
 *     entries), oldest first; empty when none
 */
public record Finding(String ruleId, String detail, Instant retryAt, String invalidField, Map<String, Object> arguments,
        List<Instant> evidence) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        arguments = arguments == null ? Map.of() : arguments instanceof Arguments ? arguments
                : new Arguments(new LinkedHashMap<>(arguments));
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * A finding's arguments: a copy no one else holds, read-only, so the findings made from one
     * another ({@link #withRetryAt}, {@link Denial#until}) share it instead of copying it again.
     */
    private static final class Arguments extends java.util.AbstractMap<String, Object> {
        private final Map<String, Object> values;

        Arguments(LinkedHashMap<String, Object> values) {
            this.values = java.util.Collections.unmodifiableMap(values);
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return values.entrySet();
        }

        @Override
        public Object get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }
    }

    /** A finding without template arguments or evidence (the form rules written before templates insert). */
    public Finding(String ruleId, String detail, Instant retryAt, String invalidField) {
        this(ruleId, detail, retryAt, invalidField, Map.of(), List.of());
    }

    /** The same finding, objecting until {@code moment} (null: no known end). */
    public Finding withRetryAt(Instant moment) {
        return new Finding(ruleId, detail, moment, invalidField, arguments, evidence);
    }

    /**
     * The rule denies (or advises, as its {@code @effect} says) the action: inserts a finding that
     * objects with no known end, carrying the match's bound facts as message arguments and the
     * counted history entries as evidence, and returns a {@link Denial} whose
     * {@link Denial#until until} states when the condition ends. Written in a consequence as
     * {@code deny(kcontext).until($calls.reopensAt());} after
     * {@code import function org.contactguard.core.rules.Finding.deny;}.
     */
    public static Denial deny(RuleContext context) {
        LinkedHashMap<String, Object> arguments = new LinkedHashMap<>();
        List<Instant> evidence = new ArrayList<>();
        for (String declaration : context.getMatch().getDeclarationIds()) {
            Object value = context.getMatch().getDeclarationValue(declaration);
            String name = declaration.startsWith("$") ? declaration.substring(1) : declaration;
            arguments.put(name, value);
            if (value instanceof Tally tally) {
                arguments.putIfAbsent("count", tally.count());
                arguments.putIfAbsent("cap", tally.cap());
                arguments.putIfAbsent("subject", tally.subject());
                arguments.putIfAbsent("window", tally.window());
                arguments.putIfAbsent("reopensAt", tally.reopensAt());
                evidence.addAll(tally.evidence());
            }
        }
        evidence.sort(null);
        Finding finding = new Finding(idOf(context), null, null, null, new Arguments(arguments), evidence);
        List<Finding> collected = COLLECTED.get();
        if (collected != null) {
            collected.add(finding);
            return new Denial(context, null, collected, collected.size() - 1, finding);
        }
        FactHandle handle = context.getKieRuntime().insert(finding);
        return new Denial(context, handle, null, -1, finding);
    }

    /**
     * Where {@link #deny} puts the findings of the rules fired on this thread, or null to insert
     * them into the session as facts. The engine collects them this way while it fires a session:
     * a finding in working memory is inserted, updated with its end and deleted again, each a
     * propagation through the network that no rule reads.
     */
    private static final ThreadLocal<List<Finding>> COLLECTED = new ThreadLocal<>();

    /**
     * Makes {@link #deny} on this thread add its findings to {@code findings} (in firing order,
     * each replaced as its consequence states its end) until {@link #stopCollecting}; for the
     * engine, around one {@code fireAllRules}.
     */
    public static void collectInto(List<Finding> findings) {
        COLLECTED.set(Objects.requireNonNull(findings, "findings"));
    }

    /** Ends {@link #collectInto}: {@link #deny} inserts its findings into the session again. */
    public static void stopCollecting() {
        COLLECTED.remove();
    }

    /**
     * What {@link #deny} returns: the inserted finding, whose end the consequence states. A finding
     * whose end is never stated objects indefinitely, which fails closed.
     */
    public static final class Denial {
        private final RuleContext context;
        /** The finding's handle in the session, or null when it was collected into {@link #collected}. */
        private final FactHandle handle;
        private final List<Finding> collected;
        private final int index;
        private final Finding finding;

        private Denial(RuleContext context, FactHandle handle, List<Finding> collected, int index, Finding finding) {
            this.context = context;
            this.handle = handle;
            this.collected = collected;
            this.index = index;
            this.finding = finding;
        }

        private void replace(Finding changed) {
            if (handle == null) {
                collected.set(index, changed);
            } else {
                context.getKieRuntime().update(handle, changed);
            }
        }

        /**
         * Names one more value for the message template ({@code {name}}), one the conditions could
         * not bind: a count read with a parameter ({@code $calls.unansweredToday(cn.getZone())}), the
         * term a term list found. Returns the denial, whose end is still to be stated.
         */
        public Denial with(String name, Object value) {
            LinkedHashMap<String, Object> arguments = new LinkedHashMap<>(finding.arguments());
            arguments.put(Objects.requireNonNull(name, "name"), value);
            Finding named = new Finding(finding.ruleId(), finding.detail(), finding.retryAt(), finding.invalidField(),
                    new Arguments(arguments), finding.evidence());
            replace(named);
            return new Denial(context, handle, collected, index, named);
        }

        /** The condition ends at {@code moment} (null: no known end); the engine re-checks from there. */
        public void until(Instant moment) {
            if (moment != null) {
                replace(finding.withRetryAt(moment));
            }
        }

        /** The condition has no known end (the same as stating no end at all, said out loud). */
        public void indefinitely() {
            // The finding was inserted without an end.
        }
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
