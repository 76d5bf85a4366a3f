package org.contactguard.core.decision;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.contactguard.core.model.Authority;

/**
 * Why a rule denied or flagged an action: the rule, where the law says so, and a plain message.
 *
 * @param ruleId the rule's {@code @id}, or a reserved id: {@code INPUT-INVALID}, {@code ENGINE-ERROR},
 *     {@code LEDGER-UNAVAILABLE}, {@code AUDIT-UNAVAILABLE}
 * @param pack the pack the rule belongs to ({@code engine} for reserved reasons the engine itself gives)
 * @param citation the instrument and article
 * @param authority what kind of source the citation is
 * @param message what is wrong, in plain words: the template filled in
 * @param template the rule's message template as written ({@code "{subject} already had {count} calls"}),
 *     or null when the message was not made from a template
 * @param arguments the values the template named, by name, as text (empty without a template)
 * @param evidence the moments of the history entries the reason rests on (the counted contacts), oldest first
 * @param jurisdiction the request's jurisdiction code (an account's {@code jurisdiction} or one of the
 *     debtor's {@code jurisdictions}) that brought the rule's pack in, e.g. {@code US-FL} for the federal
 *     pack it stacks on; null when the request named the pack or the engine gave the reason itself
 */
public record Reason(String ruleId, String pack, String citation, Authority authority, String message, String template,
        Map<String, String> arguments, List<Instant> evidence, String jurisdiction) {

    /** A reason with a plain message: no template, arguments, evidence or jurisdiction. */
    public Reason(String ruleId, String pack, String citation, Authority authority, String message) {
        this(ruleId, pack, citation, authority, message, null, Map.of(), List.of(), null);
    }

    /** A reason filled in from a template, naming no jurisdiction. */
    public Reason(String ruleId, String pack, String citation, Authority authority, String message, String template,
            Map<String, String> arguments, List<Instant> evidence) {
        this(ruleId, pack, citation, authority, message, template, arguments, evidence, null);
    }

    /** Rule id of the reason given when the request itself is unusable. */
    public static final String INPUT_INVALID = "INPUT-INVALID";
    /** Rule id of the reason given when the engine failed while deciding. */
    public static final String ENGINE_ERROR = "ENGINE-ERROR";
    /** Rule id of the reason given when the contact ledger cannot be reached. */
    public static final String LEDGER_UNAVAILABLE = "LEDGER-UNAVAILABLE";
    /** Rule id of the reason given when the audit trail cannot take the decision's record. */
    public static final String AUDIT_UNAVAILABLE = "AUDIT-UNAVAILABLE";
    /** Rule id of the reason given when a pack's rules read a holiday calendar lacking the action's year. */
    public static final String CALENDAR_UNAVAILABLE = "CALENDAR-UNAVAILABLE";
    /** The pack named on reasons the engine gives itself. */
    public static final String ENGINE_PACK = "engine";

    public Reason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(message, "message");
        arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The same reason, saying that {@code code} brought its pack in (null: nothing did, it was named). */
    public Reason withJurisdiction(String code) {
        return Objects.equals(code, jurisdiction) ? this : new Reason(ruleId, pack, citation, authority, message, template,
                arguments, evidence, code);
    }

    /** The request is unusable: {@code field} names where, {@code problem} says what. */
    public static Reason inputInvalid(String field, String problem) {
        return new Reason(INPUT_INVALID, ENGINE_PACK, "Contactguard contract v1: fail closed on invalid input",
                Authority.HOUSE_POLICY, field + ": " + problem);
    }

    /** The engine failed; the action is denied rather than allowed by accident. */
    public static Reason engineError(String problem) {
        return new Reason(ENGINE_ERROR, ENGINE_PACK, "Contactguard: fail closed on engine error", Authority.HOUSE_POLICY,
                problem);
    }

    /** The contact history could not be read or written, so caps cannot be checked. */
    public static Reason ledgerUnavailable(String problem) {
        return new Reason(LEDGER_UNAVAILABLE, ENGINE_PACK, "Contactguard: fail closed without contact history",
                Authority.HOUSE_POLICY, problem);
    }

    /**
     * The decision's audit record could not be kept (the audit queue is full or closed), so the
     * contact is denied rather than made without a record.
     */
    public static Reason auditUnavailable(String problem) {
        return new Reason(AUDIT_UNAVAILABLE, ENGINE_PACK, "Contactguard: fail closed without an audit record",
                Authority.HOUSE_POLICY, problem);
    }

    /**
     * A pack whose rules read holidays declares a calendar that has no data for the year of the
     * action's local date, so whether the day is a holiday cannot be known: denied until the year
     * is added to the calendar's data file.
     */
    public static Reason calendarUnavailable(String calendar, int year, String pack, String problem) {
        return new Reason(CALENDAR_UNAVAILABLE, ENGINE_PACK, "Contactguard: fail closed without the holiday calendar",
                Authority.HOUSE_POLICY, "Pack " + pack + " reads holiday calendar " + calendar + ", which has no dates for "
                + year + ", so whether the day is a holiday cannot be known: " + problem);
    }

    @Override
    public String toString() {
        return ruleId + " [" + pack + (jurisdiction == null ? "" : " for " + jurisdiction) + "] " + citation + " (" + authority + "): " + message;
    }
}
