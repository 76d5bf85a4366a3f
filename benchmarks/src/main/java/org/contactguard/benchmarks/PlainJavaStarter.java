package org.contactguard.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.PackInfo;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.LocalTimeWindow;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.rules.LocalHours;

/**
 * The starter pack's four rules written by hand in plain Java: the yardstick every benchmark row
 * is compared with. It gives exactly the engine's decisions (verdict, reasons in the same order
 * with the same messages, next permitted moment, version) for requests decided by the starter pack
 * alone; {@code PlainJavaStarterTest} checks that on 10,000 random requests.
 *
 * <p>It reads the starter pack's parameters and rule metadata from a loaded {@link RuleSet}, so
 * tuning {@code pack.properties} changes both sides alike. Only the rule logic is hand-written:
 * one pass over the history per account, no facts, no sessions.
 */
public final class PlainJavaStarter {

    private static final String PACK = "starter";
    private static final int MAX_LOOKAHEAD_STEPS = 64;

    private final LocalTime hoursStart;
    private final LocalTime hoursEnd;
    private final LocalTimeWindow hours;
    private final int callCap;
    private final Duration callWindow;
    private final RuleInfo hoursRule;
    private final RuleInfo zoneRule;
    private final RuleInfo frequencyRule;
    private final RuleInfo ceaseRule;
    private final String version;
    private final List<String> loaded;
    private final Duration lookahead;

    /** A checker with the parameters and metadata of the engine's {@code starter} pack (its only pack). */
    public PlainJavaStarter(ComplianceEngine engine) {
        this(engine.rules(), ComplianceEngine.DEFAULT_LOOKAHEAD);
    }

    PlainJavaStarter(RuleSet rules, Duration lookahead) {
        PackInfo pack = rules.pack(PACK);
        if (pack == null || rules.packIds().size() != 1) {
            throw new IllegalArgumentException("the baseline mirrors an engine loaded with the starter pack only, not "
                    + rules.packIds());
        }
        hoursStart = (LocalTime) pack.parameters().get("hoursStart");
        hoursEnd = (LocalTime) pack.parameters().get("hoursEnd");
        hours = new LocalTimeWindow(hoursStart, hoursEnd);
        callCap = (Integer) pack.parameters().get("callCap");
        callWindow = (Duration) pack.parameters().get("callWindow");
        hoursRule = rules.rule("STARTER-HOURS-01");
        zoneRule = rules.rule("STARTER-HOURS-02");
        frequencyRule = rules.rule("STARTER-FREQ-01");
        ceaseRule = rules.rule("STARTER-CEASE-01");
        version = rules.defaultVersion();
        loaded = rules.packIds();
        this.lookahead = lookahead;
    }

    /** Decides {@code request} as the engine would with the starter pack. */
    public Decision decide(DecisionRequest request) {
        if (request == null) {
            return Decision.denied(null, Reason.inputInvalid("request", "is required"), version);
        }
        for (int i = 0; i < request.packs().size(); i++) {
            if (!PACK.equals(request.packs().get(i))) {
                return Decision.denied(request.id(), Reason.inputInvalid("packs[" + i + "]", "unknown pack \""
                        + request.packs().get(i) + "\"; loaded: " + loaded), version);
            }
        }
        Optional<InvalidInputException> problem = request.firstProblem();
        if (problem.isPresent()) {
            return Decision.denied(request.id(), Reason.inputInvalid(problem.get().field(), problem.get().problem()),
                    version);
        }
        Instant at = request.action().at();
        Instant searchUntil = at.plus(lookahead);
        Check first = check(request, at, searchUntil);
        if (first.reasons.isEmpty()) {
            return new Decision(request.id(), Verdict.ALLOW, List.of(), List.of(), null, version);
        }
        Instant next = null;
        Instant previous = at;
        Check current = first;
        for (int step = 0; step < MAX_LOOKAHEAD_STEPS; step++) {
            Instant candidate = current.retryAt;
            if (candidate == null || !candidate.isAfter(previous) || candidate.isAfter(searchUntil)) {
                break;
            }
            current = check(request, candidate, searchUntil);
            if (current.reasons.isEmpty()) {
                next = candidate;
                break;
            }
            previous = candidate;
        }
        return new Decision(request.id(), Verdict.DENY, first.reasons, List.of(), next, version);
    }

    /** The reasons at {@code at}, in the engine's order (rule id), and when all of them would end. */
    private record Check(List<Reason> reasons, Instant retryAt) {
    }

    private Check check(DecisionRequest request, Instant at, Instant searchUntil) {
        ProposedAction action = request.action();
        List<ZoneId> zones = request.debtor().timeZones();
        List<Reason> reasons = new ArrayList<>(2);
        Instant retryAt = null;
        boolean endless = false;

        // STARTER-CEASE-01
        if (action.recipient() == Recipient.DEBTOR && action.initiatedBy() == Initiator.COLLECTOR
                && action.purpose() != Purpose.TERMINATION_NOTICE && action.purpose() != Purpose.REMEDY_NOTICE) {
            boolean ceased = false;
            for (Restriction restriction : request.debtor().restrictions()) {
                if (restriction.kind() == RestrictionKind.CEASE_COMMUNICATION && restriction.activeAt(at)) {
                    ceased = true;
                    if (restriction.until() == null) {
                        endless = true;
                    } else {
                        retryAt = later(retryAt, restriction.until());
                    }
                }
            }
            if (ceased) {
                reasons.add(reason(ceaseRule, ceaseRule.message()));
            }
        }

        // STARTER-FREQ-01, one detail per account over the cap, in account order
        if (action.channel() == Channel.CALL && action.initiatedBy() == Initiator.COLLECTOR) {
            List<String> accounts = action.accountIds().stream().sorted().toList();
            java.util.TreeMap<String, java.util.Map<String, String>> filled = new java.util.TreeMap<>();
            java.util.TreeSet<Instant> evidence = new java.util.TreeSet<>();
            for (String account : accounts) {
                Instant[] calls = placedCalls(request.history(), account, at);
                if (calls.length >= callCap) {
                    java.util.Map<String, String> arguments = new java.util.LinkedHashMap<>();
                    arguments.put("subject", account);
                    arguments.put("count", Integer.toString(calls.length));
                    arguments.put("callWindow", windowText(callWindow));
                    arguments.put("callCap", Integer.toString(callCap));
                    filled.put(fill(frequencyRule.message(), arguments), arguments);
                    evidence.addAll(Arrays.asList(calls));
                    Arrays.sort(calls);
                    retryAt = later(retryAt, calls[calls.length - callCap].plus(callWindow));
                }
            }
            if (!filled.isEmpty()) {
                reasons.add(new Reason(frequencyRule.id(), frequencyRule.pack(), frequencyRule.citation(),
                        frequencyRule.authority(), String.join("; ", filled.keySet()), frequencyRule.message(),
                        filled.firstEntry().getValue(), List.copyOf(evidence)));
            }
        }

        // STARTER-HOURS-01 and -02; letters are exempt
        if (action.channel() != Channel.LETTER) {
            if (zones.isEmpty()) {
                reasons.add(new Reason(Reason.INPUT_INVALID, zoneRule.pack(), zoneRule.citation(), zoneRule.authority(),
                        "debtor.timeZones: is empty; STARTER-HOURS-01 needs the debtor's local time"));
                endless = true;
            } else if (!LocalHours.withinAll(at, zones, hours)) {
                java.util.Map<String, String> arguments = new java.util.LinkedHashMap<>();
                arguments.put("hoursStart", hours.from().toString());
                arguments.put("hoursEnd", hours.to().toString());
                reasons.add(new Reason(hoursRule.id(), hoursRule.pack(), hoursRule.citation(), hoursRule.authority(),
                        fill(hoursRule.message(), arguments), hoursRule.message(), arguments, List.of()));
                Instant opens = LocalHours.nextWithinAll(at, zones, hours, searchUntil);
                if (opens == null) {
                    endless = true;
                } else {
                    retryAt = later(retryAt, opens);
                }
            }
        }
        return new Check(reasons, endless ? null : retryAt);
    }

    /** When the connected calls the collector placed about {@code account} in the window ending at {@code now} were made. */
    private Instant[] placedCalls(List<ContactAttempt> history, String account, Instant now) {
        Instant start = now.minus(callWindow);
        Instant[] found = new Instant[8];
        int n = 0;
        for (ContactAttempt attempt : history) {
            Instant when = attempt.at();
            if (attempt.channel() == Channel.CALL && attempt.initiatedBy() == Initiator.COLLECTOR
                    && when.isAfter(start) && when.isBefore(now) && attempt.connectedToNumber()
                    && attempt.isAbout(account)) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = when;
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** The starter's message templates filled in as the engine does: each {name} by its value. */
    private static String fill(String template, java.util.Map<String, String> arguments) {
        String text = template;
        for (java.util.Map.Entry<String, String> argument : arguments.entrySet()) {
            text = text.replace("{" + argument.getKey() + "}", argument.getValue());
        }
        return text;
    }

    /** A window as the engine's messages write it: whole days as "7 days", else hours or minutes. */
    private static String windowText(java.time.Duration window) {
        if (!window.isZero() && window.toSeconds() % 86_400 == 0) {
            return window.toDays() + (window.toDays() == 1 ? " day" : " days");
        }
        return window.toSeconds() % 3600 == 0 ? window.toHours() + " h" : window.toMinutes() + " min";
    }

    private static Reason reason(RuleInfo rule, String message) {
        return new Reason(rule.id(), rule.pack(), rule.citation(), rule.authority(), message);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
