package org.contactguard.core.decision;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.contactguard.core.engine.CalendarYearUnavailableException;
import org.contactguard.core.engine.Effect;
import org.contactguard.core.engine.PackSelection;
import org.contactguard.core.engine.ParameterOverride;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.engine.RuleSetLoader;
import org.contactguard.core.engine.RuleSources;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.rules.ContactHistory;
import org.contactguard.core.rules.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decides whether proposed debt-collection contacts may happen.
 *
 * <p>Build one engine and share it: {@link #decide} is safe to call from any number of threads,
 * gives the same decision for the same request, and never throws: a request it cannot use is
 * denied with {@code INPUT-INVALID}, a failure inside the engine with {@code ENGINE-ERROR}.
 *
 * <pre>{@code
 * ComplianceEngine engine = ComplianceEngine.builder()
 *         .pack("starter")
 *         .parameter("starter", "callCap", "5")
 *         .build();
 * Decision decision = engine.decide(request);
 * }</pre>
 */
public final class ComplianceEngine {

    /**
     * Shortest default look-ahead for {@link Decision#nextPermittedAt()}; the default is longer when
     * the loaded packs count a longer window (a 30-day cap reopens up to 30 days ahead).
     */
    public static final Duration DEFAULT_LOOKAHEAD = Duration.ofDays(14);
    /** Re-decisions spent looking for the next permitted moment before giving up. */
    static final int MAX_LOOKAHEAD_STEPS = 64;

    /** MDC key holding the id of the request being decided, for every log line written meanwhile. */
    public static final String MDC_REQUEST_ID = "contactguard.requestId";
    /** MDC key holding the tenant of the request being decided (absent when it names none). */
    public static final String MDC_TENANT = "contactguard.tenant";

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceEngine.class);

    private final RuleSources sources;
    private final Duration lookahead;
    /** The language reasons are written in (a tag such as zh-CN), or null for each rule's own {@code @message}. */
    private final String locale;
    private final AtomicReference<RuleSet> current;
    /** The keys each parameter file held at the last successful load; guarded by {@code this}. */
    private Map<Path, Set<String>> parameterKeys;
    private final List<DecisionListener> listeners;

    private ComplianceEngine(RuleSources sources, Duration lookahead, String locale, RuleSetLoader.Loaded loaded,
            List<DecisionListener> listeners) {
        this.locale = locale;
        this.sources = sources;
        this.lookahead = lookahead;
        this.current = new AtomicReference<>(loaded.rules());
        this.parameterKeys = loaded.parameterKeys();
        this.listeners = List.copyOf(listeners);
    }

    /** How {@link #reload(ReloadOption...)} may differ from a plain reload. */
    public enum ReloadOption {
        /**
         * Accept a parameter file that no longer sets a parameter it set before (or is empty): the
         * packs' own values apply again. Without it such a reload is refused, since a file caught
         * half-written would otherwise put looser defaults in force unnoticed.
         */
        ACCEPT_REMOVED_PARAMETERS
    }

    /** Starts configuring an engine. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides {@code request}. Never throws and never allows by accident: invalid input gives
     * DENY with {@code INPUT-INVALID} naming the field, an internal failure DENY with
     * {@code ENGINE-ERROR}.
     */
    public Decision decide(DecisionRequest request) {
        return decide(current.get(), request, null);
    }

    /**
     * Decides {@code request} as {@link #decide(DecisionRequest)} does, inside the caller's database
     * transaction: listeners that keep records in the same database may write them through
     * {@code transaction} (see {@link DecisionListener#onDecision(DecisionRequest, Decision, Duration,
     * Connection)}). For contact ledgers, which decide and record in one transaction.
     *
     * @param transaction the open transaction, or null for none
     */
    public Decision decide(DecisionRequest request, Connection transaction) {
        return decide(current.get(), request, transaction);
    }

    /**
     * Decides {@code request} on {@code rules}, a snapshot taken earlier with {@link #rules()}, exactly
     * as {@link #decide(DecisionRequest)} would while those rules were current. For callers that read
     * something from the rules before deciding (a contact ledger loads as much history as their
     * windows need) and so must decide on the same rules even if a {@link #reload(ReloadOption...) reload()} happens meanwhile.
     */
    public Decision decide(RuleSet rules, DecisionRequest request) {
        return decide(rules, request, null);
    }

    /**
     * Decides {@code request} on the snapshot {@code rules} (see {@link #decide(RuleSet, DecisionRequest)})
     * inside the caller's database {@code transaction} (see {@link #decide(DecisionRequest, Connection)}).
     *
     * @param transaction the open transaction, or null for none
     */
    public Decision decide(RuleSet rules, DecisionRequest request, Connection transaction) {
        Objects.requireNonNull(rules, "rules");
        long start = System.nanoTime();
        boolean traced = putMdc(request);
        try {
            RuleSet.Evaluator evaluator = rules.evaluator();
            Decision decision;
            try {
                decision = decide(rules, evaluator, request);
            } finally {
                close(evaluator, request);
            }
            return listeners.isEmpty() ? decision
                    : tell(request, decision, Duration.ofNanos(System.nanoTime() - start), transaction);
        } finally {
            removeMdc(traced);
        }
    }

    /**
     * Puts the request's id and tenant in the SLF4J MDC, so every line logged while it is decided and
     * reported (ours, Drools', a listener's) can be traced to it.
     *
     * @return whether anything was put
     */
    private static boolean putMdc(DecisionRequest request) {
        String id = request == null ? null : request.id();
        String tenant = RequestTenant.of(request);
        if (id != null) {
            MDC.put(MDC_REQUEST_ID, id);
        }
        if (tenant != null) {
            MDC.put(MDC_TENANT, tenant);
        }
        return id != null || tenant != null;
    }

    private static void removeMdc(boolean traced) {
        if (traced) {
            MDC.remove(MDC_REQUEST_ID);
            MDC.remove(MDC_TENANT);
        }
    }

    /**
     * Tells the listeners about a decision given without the rules: a contact ledger's DENY with
     * {@code LEDGER-UNAVAILABLE} (the history could not be read, or the transaction not committed) or
     * {@code INPUT-INVALID} (the ledger's history does not fit the request). The engine reports every
     * decision it makes itself; call this only for answers it did not make.
     *
     * @return the decision to give: {@code decision}, or a DENY a listener turned it into
     */
    public Decision report(DecisionRequest request, Decision decision, Duration duration) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(duration, "duration");
        return listeners.isEmpty() ? decision : tell(request, decision, duration, null);
    }

    /**
     * Calls every listener in order. A veto adds its reason (DENY); any other failure adds
     * {@code ENGINE-ERROR}; later listeners see the decision as it then is.
     */
    private Decision tell(DecisionRequest request, Decision decision, Duration duration, Connection transaction) {
        Decision answer = decision;
        for (DecisionListener listener : listeners) {
            try {
                if (transaction == null) {
                    listener.onDecision(request, answer, duration);
                } else {
                    listener.onDecision(request, answer, duration, transaction);
                }
            } catch (DecisionVetoedException e) {
                answer = withReason(answer, e.reason());
            } catch (RuntimeException e) {
                String id = request == null ? null : request.id();
                LOG.error("Decision listener {} failed on request {}; denied", listener.getClass().getName(), id, e);
                answer = withReason(answer, Reason.engineError("decision listener " + listener.getClass().getName()
                        + " failed: " + e.getClass().getSimpleName()));
            }
        }
        return answer;
    }

    /** {@code decision} denied, with {@code reason} after any it already has. */
    private static Decision withReason(Decision decision, Reason reason) {
        List<Reason> reasons = new ArrayList<>(decision.reasons());
        reasons.add(reason);
        return new Decision(decision.id(), Verdict.DENY, reasons, decision.advisories(), null,
                decision.ruleSetVersion());
    }

    /**
     * Decides every request of {@code requests} on one rule set and one session, which is much
     * cheaper per request than {@link #decide} in a loop: the {@code i}-th decision is exactly what
     * {@code decide(requests.get(i))} gives (a null element is denied with {@code INPUT-INVALID}).
     * Never throws; a null list gives an empty one. Safe from any number of threads, each call
     * using its own session; a {@link #reload(ReloadOption...) reload()} meanwhile takes effect at the next call, so all
     * decisions of one call carry the same {@code ruleSetVersion}.
     *
     * @return one decision per request, in the same order
     */
    public List<Decision> decideAll(List<DecisionRequest> requests) {
        if (requests == null) {
            return List.of();
        }
        RuleSet rules = current.get();
        Decision[] decisions = new Decision[requests.size()];
        RuleSet.Evaluator evaluator = rules.evaluator();
        try {
            int i = 0;
            for (DecisionRequest request : requests) {
                long start = System.nanoTime();
                boolean traced = putMdc(request);
                try {
                    Decision decision = decide(rules, evaluator, request);
                    decisions[i++] = listeners.isEmpty() ? decision
                            : tell(request, decision, Duration.ofNanos(System.nanoTime() - start), null);
                } finally {
                    removeMdc(traced);
                }
            }
        } finally {
            close(evaluator, null);
        }
        return List.of(decisions);
    }

    private Decision decide(RuleSet rules, RuleSet.Evaluator evaluator, DecisionRequest request) {
        String id = request == null ? null : request.id();
        String version = rules.defaultVersion();
        try {
            if (request == null) {
                return Decision.denied(null, Reason.inputInvalid("request", "is required"), version);
            }
            PackSelection.Selection selection = selectPacks(rules, request);
            List<String> packs = selection.packs();
            version = rules.version(packs);
            Optional<InvalidInputException> problem = unsupportedMoment(request).or(request::firstProblem);
            if (problem.isPresent()) {
                return Decision.denied(id, Reason.inputInvalid(problem.get().field(), problem.get().problem()), version);
            }
            // The tenant's overlay and the rules in force at the action's moment decide, and their version says so;
            // an unknown tenant is INPUT-INVALID naming "tenant".
            version = rules.variant(request.tenant(), request.action().at()).version(packs);
            if (packs.isEmpty()) {
                // Every loaded pack is pack.default = false and the request names none: no rule would
                // be evaluated, and an ALLOW from no rules is an accident, not a decision.
                return Decision.denied(id, Reason.engineError("no pack decides this request: it names no"
                        + " packs and none of the loaded packs " + rules.packIds() + " is a default"
                        + " (pack.default = false); name the packs in \"packs\" or load a default pack"), version);
            }
            if (!selection.missing().isEmpty()) {
                // A base pack alone would decide an account its overlay may govern more strictly:
                // a configuration gap, so deny rather than risk allowing what the overlay forbids.
                return Decision.denied(id, Reason.engineError("overlay not loaded: "
                        + String.join("; ", selection.missing())), version);
            }
            Instant at = request.action().at();
            ContactHistory history = ContactHistory.of(at, request.history());
            Assessment first = assess(rules, evaluator, request, history, packs, at, horizon(rules), locale);
            if (first.reasons().isEmpty()) {
                return new Decision(id, Verdict.ALLOW, List.of(), attributed(first.advisories(), selection), null,
                        version);
            }
            Instant next = nextPermitted(rules, evaluator, request, history, packs, first);
            return new Decision(id, Verdict.DENY, attributed(first.reasons(), selection),
                    attributed(first.advisories(), selection), next, version);
        } catch (InvalidInputException e) {
            return Decision.denied(id, Reason.inputInvalid(e.field(), e.problem()), version);
        } catch (CalendarYearUnavailableException e) {
            return Decision.denied(id, Reason.calendarUnavailable(e.calendar(), e.year(), e.pack(),
                    e.getCause().getMessage()), version);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // Fail closed: whatever broke, this contact is not allowed. The cause goes to the log
            // with the request id so an operator can find it; the caller gets a reason, not a throw.
            LOG.error("Engine error deciding request {}; denied", id, e);
            return Decision.denied(id, Reason.engineError(e.getClass().getSimpleName() + ": " + e.getMessage()),
                    version);
        }
    }

    /** The first moment the engine decides: years before it are a caller's bug, not a debt's past. */
    static final Instant FIRST_SUPPORTED = Instant.parse("1900-01-01T00:00:00Z");
    /** The end of the last year the engine decides (year 9999: what ISO-8601 and SQL timestamps hold). */
    static final Instant END_OF_SUPPORTED = Instant.parse("+10000-01-01T00:00:00Z");

    /**
     * A moment outside years 1900-9999 in the action or the history: local-time arithmetic in a zone
     * overflows near {@code Instant.MIN/MAX}, and a caller who sends one has a bug worth naming.
     */
    private static Optional<InvalidInputException> unsupportedMoment(DecisionRequest request) {
        if (!supported(request.action().at())) {
            return Optional.of(outOfRange("action.at", request.action().at()));
        }
        List<ContactAttempt> history = request.history();
        for (int i = 0; i < history.size(); i++) {
            if (!supported(history.get(i).at())) {
                return Optional.of(outOfRange("history[" + i + "].at", history.get(i).at()));
            }
        }
        return Optional.empty();
    }

    private static boolean supported(Instant at) {
        return !at.isBefore(FIRST_SUPPORTED) && at.isBefore(END_OF_SUPPORTED);
    }

    private static InvalidInputException outOfRange(String field, Instant at) {
        return new InvalidInputException(field, at + " is outside the years 1900-9999 that the engine decides");
    }

    /** Returns the session; the decisions are made, so a failure here is logged, not thrown. */
    private static void close(RuleSet.Evaluator evaluator, DecisionRequest request) {
        try {
            evaluator.close();
        } catch (RuntimeException e) {
            LOG.warn("Could not return a rule session to the pool after request {}", request == null ? null
                    : request.id(), e);
        }
    }

    /**
     * Reads the rule sources again and, if they load, swaps them in atomically: decisions already
     * under way finish on the rules they started with. If they do not load, the current rules keep
     * serving and the problems are thrown. A parameter file that lost a key it set at the previous
     * load (or went empty) is such a problem unless {@link ReloadOption#ACCEPT_REMOVED_PARAMETERS} is
     * given.
     *
     * @param options how this reload may differ from a plain one
     * @return the newly loaded rules
     * @throws RuleLoadException every problem, each with file and line; nothing was swapped
     */
    public synchronized RuleSet reload(ReloadOption... options) {
        boolean acceptRemoved = List.of(options).contains(ReloadOption.ACCEPT_REMOVED_PARAMETERS);
        RuleSet fresh;
        try {
            RuleSetLoader.Loaded loaded = RuleSetLoader.load(sources, acceptRemoved ? Map.of() : parameterKeys);
            fresh = loaded.rules();
            parameterKeys = loaded.parameterKeys();
        } catch (RuleLoadException e) {
            LOG.warn("Reload failed; the previous rules keep serving. {}", e.getMessage());
            for (DecisionListener listener : listeners) {
                try {
                    listener.onReloadFailed(e);
                } catch (RuntimeException failure) {
                    LOG.error("Decision listener {} failed on a failed reload", listener.getClass().getName(), failure);
                }
            }
            throw e;
        }
        RuleSet previous = current.getAndSet(fresh);
        LOG.info("Rules reloaded: {} -> {}", previous.defaultVersion(), fresh.defaultVersion());
        for (DecisionListener listener : listeners) {
            try {
                listener.onReload(previous, fresh);
            } catch (RuntimeException failure) {
                // The new rules already serve; a listener that missed the news must not undo that.
                LOG.error("Decision listener {} failed on reload", listener.getClass().getName(), failure);
            }
        }
        return fresh;
    }

    /** The rules currently deciding. */
    public RuleSet rules() {
        return current.get();
    }

    /**
     * The longest time window any loaded pack's parameters name (see {@link RuleSet#longestWindow()}):
     * how far back the current rules count contact history.
     */
    public Duration longestWindow() {
        return current.get().longestWindow();
    }

    /** The version of the rules that decide requests which name no packs. */
    public String version() {
        return current.get().defaultVersion();
    }

    /**
     * The packs named (or the defaults), their overlays' bases, and the overlays that the accounts'
     * jurisdictions select (see {@link PackSelection}).
     */
    private static PackSelection.Selection selectPacks(RuleSet rules, DecisionRequest request) {
        for (int i = 0; i < request.packs().size(); i++) {
            String pack = request.packs().get(i);
            if (rules.pack(pack) == null) {
                throw new InvalidInputException("packs[" + i + "]", "unknown pack \"" + pack + "\"; loaded: "
                        + rules.packIds());
            }
        }
        return rules.selection().select(request.packs(), request.accounts(), request.debtor().jurisdictions());
    }

    /** Each reason saying which of the request's jurisdictions brought its pack in (none for a named pack). */
    private static List<Reason> attributed(List<Reason> reasons, PackSelection.Selection selection) {
        if (selection.broughtInBy().isEmpty() || reasons.isEmpty()) {
            return reasons;
        }
        return reasons.stream().map(r -> r.ruleId().equals(Reason.INPUT_INVALID) ? r
                : r.withJurisdiction(selection.jurisdictionOf(r.pack()))).toList();
    }

    /**
     * How far ahead {@link Decision#nextPermittedAt()} is searched: the builder's look-ahead, or by
     * default {@link #DEFAULT_LOOKAHEAD} or a day more than the longest window the rules count,
     * whichever is longer, so that every cap's reopening can be found.
     */
    private Duration horizon(RuleSet rules) {
        if (lookahead != null) {
            return lookahead;
        }
        Duration window = rules.longestWindow().plusDays(1);
        return window.compareTo(DEFAULT_LOOKAHEAD) > 0 ? window : DEFAULT_LOOKAHEAD;
    }

    /**
     * Re-decides at each moment the denying rules name until all packs agree. Each rule's
     * suggestion is the earliest moment that rule would allow, so the latest of them is a lower
     * bound for a moment all allow; iterating from there finds the earliest one.
     */
    private Instant nextPermitted(RuleSet rules, RuleSet.Evaluator evaluator, DecisionRequest request,
            ContactHistory history, List<String> packs, Assessment first) {
        Instant at = request.action().at();
        Duration horizon = horizon(rules);
        Instant limit = at.plus(horizon);
        Instant previous = at;
        Instant candidate = first.retryAt();
        for (int step = 0; step < MAX_LOOKAHEAD_STEPS; step++) {
            if (candidate == null || !candidate.isAfter(previous) || candidate.isAfter(limit)) {
                return null;
            }
            Probe probe;
            try {
                probe = probe(rules, evaluator, request, history.at(candidate), packs, candidate, horizon);
            } catch (CalendarYearUnavailableException e) {
                // A later year no calendar holds yet: when the action is allowed again cannot be known.
                return null;
            }
            if (!probe.denied()) {
                return candidate;
            }
            previous = candidate;
            candidate = probe.retryAt();
        }
        return null;
    }

    /** What a re-evaluation at a later moment tells the search: whether a rule still denies, and until when. */
    private record Probe(boolean denied, Instant retryAt) {

        /**
         * Whether {@code findings} deny (an invalid field, or a rule whose effect is DENY under
         * {@code rules}) and the latest moment the denying rules name: none when one names none or a
         * field is invalid, and the next moment after {@code at} a rule or value of {@code packs}
         * changes when that comes first (a rule expires, a cap is lowered: look again then; other
         * packs' changes cannot change this decision).
         */
        static Probe of(List<Finding> findings, RuleSet rules, Instant at, List<String> packs) {
            boolean denied = false;
            boolean endless = false;
            boolean invalid = false;
            Instant retryAt = null;
            for (Finding finding : findings) {
                RuleInfo rule = rules.rule(finding.ruleId());
                if (rule == null) {
                    throw new IllegalStateException("a rule reported unknown @id " + finding.ruleId());
                }
                if (finding.invalidField() != null) {
                    denied = true;
                    endless = true;
                    invalid = true;
                } else if (rule.effect() == Effect.DENY) {
                    denied = true;
                    if (finding.retryAt() == null) {
                        endless = true;
                    } else if (retryAt == null || finding.retryAt().isAfter(retryAt)) {
                        retryAt = finding.retryAt();
                    }
                }
            }
            Instant change = denied && !invalid ? rules.nextChange(packs, at) : null;
            if (change != null && (endless || retryAt == null || retryAt.isAfter(change))) {
                return new Probe(true, change);
            }
            return new Probe(denied, endless ? null : retryAt);
        }
    }

    /**
     * {@link #assess} reduced to what {@link #nextPermitted} reads of it: a finding that is a
     * denial (an invalid field, or a rule whose effect is DENY) and the latest moment the
     * denying rules name (none when one of them names none). No reason or message is built for a
     * moment that is only probed.
     */
    private static Probe probe(RuleSet loaded, RuleSet.Evaluator evaluator, DecisionRequest request,
            ContactHistory history, List<String> packs, Instant at, Duration lookahead) {
        Instant searchUntil = request.action().at().plus(lookahead);
        List<Finding> findings = evaluator.evaluate(request, history, packs, at, searchUntil);
        if (findings.isEmpty()) {
            return new Probe(false, null);
        }
        // As in assess: the tenant's and the moment's rules decide each finding's effect.
        return Probe.of(findings, loaded.variant(request.tenant(), at), at, packs);
    }

    /** Reasons, advisories and the earliest moment every denying rule would stop objecting. */
    private record Assessment(List<Reason> reasons, List<Reason> advisories, Instant retryAt) {
    }

    /** What an evaluation without findings gives: no reason, no advisory, nothing to wait for. */
    private static final Assessment NOTHING_FOUND = new Assessment(List.of(), List.of(), null);

    private static Assessment assess(RuleSet loaded, RuleSet.Evaluator evaluator, DecisionRequest request,
            ContactHistory history, List<String> packs, Instant at, Duration lookahead, String locale) {
        Instant searchUntil = request.action().at().plus(lookahead);
        List<Finding> findings = evaluator.evaluate(request, history, packs, at, searchUntil);
        if (findings.isEmpty()) {
            return NOTHING_FOUND;
        }
        // The tenant's and the moment's rules: their effects, messages and parameter values.
        RuleSet rules = loaded.variant(request.tenant(), at);
        for (Finding finding : findings) {
            if (rules.rule(finding.ruleId()) == null) {
                throw new IllegalStateException("a rule reported unknown @id " + finding.ruleId());
            }
        }
        // Sessions return findings in no particular order; sort so the same request always reads the same.
        if (findings.size() > 1) {
            findings.sort(Comparator.comparing((Finding f) -> rules.rule(f.ruleId()).pack())
                    .thenComparing(Finding::ruleId)
                    .thenComparing(f -> f.invalidField() == null ? "" : f.invalidField())
                    .thenComparing(f -> f.detail() == null ? "" : f.detail()));
        }
        Map<String, ReasonDraft> denials = new LinkedHashMap<>();
        Map<String, ReasonDraft> advisories = new LinkedHashMap<>();
        for (Finding finding : findings) {
            RuleInfo rule = rules.rule(finding.ruleId());
            if (finding.invalidField() != null) {
                denials.computeIfAbsent(Reason.INPUT_INVALID + "|" + finding.invalidField(),
                        key -> new ReasonDraft(rule, Reason.INPUT_INVALID, finding.invalidField() + ": " + finding.detail()));
                continue;
            }
            Map<String, ReasonDraft> target = rule.effect() == Effect.ADVISORY ? advisories : denials;
            ReasonDraft draft = target.computeIfAbsent(rule.id(), key -> new ReasonDraft(rule, rule.id(),
                    rule.message(locale)));
            if (MessageTemplates.isTemplate(draft.message)) {
                draft.add(finding, rules.pack(rule.pack()).parameters());
            } else if (finding.detail() != null) {
                draft.details.add(finding.detail());
            }
        }
        return new Assessment(reasons(denials), reasons(advisories), Probe.of(findings, rules, at, packs).retryAt());
    }

    /**
     * One reason being assembled: a rule that fired several times (once per account, say) gives one
     * reason whose message lists every distinct detail.
     */
    private static final class ReasonDraft {
        private final RuleInfo rule;
        private final String ruleId;
        private final String message;
        private final Set<String> details = new LinkedHashSet<>();

        ReasonDraft(RuleInfo rule, String ruleId, String message) {
            this.rule = rule;
            this.ruleId = ruleId;
            this.message = message;
        }

        /**
         * For a templated message: each finding's filled-in message with its arguments, in text order
         * (sessions return findings in no particular order), and the evidence of all.
         */
        private java.util.TreeMap<String, Map<String, String>> filled;
        private final java.util.TreeSet<Instant> evidence = new java.util.TreeSet<>();

        /** Adds a finding of a rule whose message is a template: its own filled-in message, its evidence. */
        void add(Finding finding, Map<String, Object> parameters) {
            Map<String, String> values = MessageTemplates.arguments(message, finding.arguments(), parameters);
            String text = MessageTemplates.fill(message, values);
            if (filled == null) {
                filled = new java.util.TreeMap<>();
            }
            filled.putIfAbsent(finding.detail() == null ? text : text + ": " + finding.detail(), values);
            evidence.addAll(finding.evidence());
        }

        Reason toReason() {
            if (filled != null) {
                // The arguments are those of the first message: a reason names one set of values.
                return new Reason(ruleId, rule.pack(), rule.citation(), rule.authority(),
                        String.join("; ", filled.keySet()), message, filled.firstEntry().getValue(), List.copyOf(evidence));
            }
            String text = details.isEmpty() ? message : message + ": " + String.join("; ", details);
            return new Reason(ruleId, rule.pack(), rule.citation(), rule.authority(), text);
        }
    }

    private static List<Reason> reasons(Map<String, ReasonDraft> drafts) {
        return drafts.values().stream().map(ReasonDraft::toReason).toList();
    }

    /** Configures and loads a {@link ComplianceEngine}. */
    public static final class Builder {
        private final List<String> packs = new ArrayList<>();
        private Path rulesDirectory;
        private final List<Path> parameterFiles = new ArrayList<>();
        private final Map<String, List<Path>> tenantFiles = new java.util.TreeMap<>();
        private final List<ParameterOverride> overrides = new ArrayList<>();
        private Duration lookahead;
        private String locale;
        private ClassLoader classLoader = ComplianceEngine.class.getClassLoader();
        private boolean prebuiltModels = true;
        private final List<DecisionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Loads pack {@code id}; call again for more. With none named, every pack the source offers is loaded. */
        public Builder pack(String id) {
            packs.add(Objects.requireNonNull(id, "pack"));
            return this;
        }

        /** Loads each of {@code ids}. */
        public Builder packs(String... ids) {
            for (String id : ids) {
                pack(id);
            }
            return this;
        }

        /**
         * Reads packs from this folder (a folder of pack folders, or one pack folder) instead of the
         * classpath; {@link ComplianceEngine#reload(ComplianceEngine.ReloadOption...) reload()} reads it again.
         */
        public Builder rulesDirectory(Path folder) {
            this.rulesDirectory = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Applies a file of {@code pack.parameter = value} overrides; read again on reload. */
        public Builder parameters(Path file) {
            parameterFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Applies overrides given as {@code "pack.parameter" -> value}. */
        public Builder parameters(Map<String, String> values) {
            values.forEach((key, value) -> {
                int dot = key.indexOf('.');
                if (dot <= 0) {
                    throw new IllegalArgumentException("parameter key '" + key + "' must be written pack.parameter");
                }
                parameter(key.substring(0, dot), key.substring(dot + 1), value);
            });
            return this;
        }

        /**
         * Loads a tenant overlay from {@code file}: {@code pack.parameter = value} lines (dated ones as
         * {@code pack.parameter@YYYY-MM-DD = value}) and {@code pack.effect.RULE-ID = DENY}, each of
         * which may only tighten the pack (see the README, "Tenants"). A request naming
         * {@code tenant} is decided with it; call again to add files to the same tenant. Overlays in
         * a rules folder ({@code <pack>/tenants/<tenant>.properties}) load without this. Read again on reload.
         */
        public Builder tenant(String tenant, Path file) {
            tenantFiles.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new ArrayList<>())
                    .add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Overrides one parameter of one pack. */
        public Builder parameter(String pack, String name, String value) {
            overrides.add(new ParameterOverride(pack, name, value, "(builder)", 0));
            return this;
        }

        /**
         * Writes reasons in the language {@code tag} names ({@code "zh-CN"}, {@code "en"}), where a
         * pack has messages in it ({@code pack.locales} and {@code messages_<tag>.properties});
         * otherwise, and by default, each rule's own {@code @message}.
         */
        public Builder locale(String tag) {
            this.locale = tag == null || tag.isBlank() ? null : tag.strip();
            return this;
        }

        /**
         * How far ahead to look for {@link Decision#nextPermittedAt()}; default: 14 days, or a day
         * more than the longest window the loaded packs count if that is longer.
         */
        public Builder lookahead(Duration horizon) {
            if (horizon.isNegative() || horizon.isZero()) {
                throw new IllegalArgumentException("lookahead must be positive, was " + horizon);
            }
            this.lookahead = horizon;
            return this;
        }

        /**
         * Whether packs may start from the executable model generated when they were packaged
         * (default true). A model is only ever used for exactly the DRL it was generated from, so
         * this changes start-up time and speed, not decisions; false compiles every pack's DRL at
         * start, as a folder of rules always is.
         */
        public Builder prebuiltModels(boolean use) {
            this.prebuiltModels = use;
            return this;
        }

        /**
         * Tells {@code listener} about every decision and reload (an audit trail, metrics); call again
         * for more, which are called in the order given. None by default.
         */
        public Builder listener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The class loader that finds classpath packs and the classes rules use. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "classLoader");
            return this;
        }

        /**
         * Loads, checks and compiles the rules.
         *
         * @throws RuleLoadException every problem found, each with file and line
         */
        public ComplianceEngine build() {
            RuleSources sources = new RuleSources(packs, rulesDirectory, parameterFiles, overrides, classLoader,
                    prebuiltModels, tenantFiles);
            RuleSetLoader.Loaded loaded = RuleSetLoader.load(sources, Map.of());
            ComplianceEngine engine = new ComplianceEngine(sources, lookahead, locale, loaded, listeners);
            for (DecisionListener listener : engine.listeners) {
                listener.onStart(loaded.rules());
            }
            return engine;
        }
    }
}
