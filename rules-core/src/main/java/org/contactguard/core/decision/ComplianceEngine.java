package org.contactguard.core.decision;

import java.nio.file.Path;
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
import org.contactguard.core.engine.Effect;
import org.contactguard.core.engine.PackSelection;
import org.contactguard.core.engine.ParameterOverride;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.engine.RuleSetLoader;
import org.contactguard.core.engine.RuleSources;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.rules.ContactHistory;
import org.contactguard.core.rules.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceEngine.class);

    private final RuleSources sources;
    private final Duration lookahead;
    private final AtomicReference<RuleSet> current;

    private ComplianceEngine(RuleSources sources, Duration lookahead, RuleSet rules) {
        this.sources = sources;
        this.lookahead = lookahead;
        this.current = new AtomicReference<>(rules);
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
        return decide(current.get(), request);
    }

    /**
     * Decides {@code request} on {@code rules}, a snapshot taken earlier with {@link #rules()}, exactly
     * as {@link #decide(DecisionRequest)} would while those rules were current. For callers that read
     * something from the rules before deciding (a contact ledger loads as much history as their
     * windows need) and so must decide on the same rules even if a {@link #reload()} happens meanwhile.
     */
    public Decision decide(RuleSet rules, DecisionRequest request) {
        Objects.requireNonNull(rules, "rules");
        RuleSet.Evaluator evaluator = rules.evaluator();
        try {
            return decide(rules, evaluator, request);
        } finally {
            close(evaluator, request);
        }
    }

    /**
     * Decides every request of {@code requests} on one rule set and one session, which is much
     * cheaper per request than {@link #decide} in a loop: the {@code i}-th decision is exactly what
     * {@code decide(requests.get(i))} gives (a null element is denied with {@code INPUT-INVALID}).
     * Never throws; a null list gives an empty one. Safe from any number of threads, each call
     * using its own session; a {@link #reload()} meanwhile takes effect at the next call, so all
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
                decisions[i++] = decide(rules, evaluator, request);
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
            Optional<InvalidInputException> problem = request.firstProblem();
            if (problem.isPresent()) {
                return Decision.denied(id, Reason.inputInvalid(problem.get().field(), problem.get().problem()), version);
            }
            if (!selection.missing().isEmpty()) {
                // A base pack alone would decide an account its overlay may govern more strictly:
                // a configuration gap, so deny rather than risk allowing what the overlay forbids.
                return Decision.denied(id, Reason.engineError("overlay not loaded: "
                        + String.join("; ", selection.missing())), version);
            }
            Instant at = request.action().at();
            ContactHistory history = ContactHistory.of(at, request.history());
            Assessment first = assess(rules, evaluator, request, history, packs, at, horizon(rules));
            if (first.reasons().isEmpty()) {
                return new Decision(id, Verdict.ALLOW, List.of(), first.advisories(), null, version);
            }
            Instant next = nextPermitted(rules, evaluator, request, history, packs, first);
            return new Decision(id, Verdict.DENY, first.reasons(), first.advisories(), next, version);
        } catch (InvalidInputException e) {
            return Decision.denied(id, Reason.inputInvalid(e.field(), e.problem()), version);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // Fail closed: whatever broke, this contact is not allowed. The cause goes to the log
            // with the request id so an operator can find it; the caller gets a reason, not a throw.
            LOG.error("Engine error deciding request {}; denied", id, e);
            return Decision.denied(id, Reason.engineError(e.getClass().getSimpleName() + ": " + e.getMessage()),
                    version);
        }
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
     * serving and the problems are thrown.
     *
     * @return the newly loaded rules
     * @throws RuleLoadException every problem, each with file and line; nothing was swapped
     */
    public synchronized RuleSet reload() {
        try {
            RuleSet fresh = RuleSetLoader.load(sources);
            RuleSet previous = current.getAndSet(fresh);
            LOG.info("Rules reloaded: {} -> {}", previous.defaultVersion(), fresh.defaultVersion());
            return fresh;
        } catch (RuleLoadException e) {
            LOG.warn("Reload failed; the previous rules keep serving. {}", e.getMessage());
            throw e;
        }
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
        return rules.selection().select(request.packs(), request.accounts());
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
        Assessment assessment = first;
        for (int step = 0; step < MAX_LOOKAHEAD_STEPS; step++) {
            Instant candidate = assessment.retryAt();
            if (candidate == null || !candidate.isAfter(previous) || candidate.isAfter(limit)) {
                return null;
            }
            assessment = assess(rules, evaluator, request, history.at(candidate), packs, candidate, horizon);
            if (assessment.reasons().isEmpty()) {
                return candidate;
            }
            previous = candidate;
        }
        return null;
    }

    /** Reasons, advisories and the earliest moment every denying rule would stop objecting. */
    private record Assessment(List<Reason> reasons, List<Reason> advisories, Instant retryAt) {
    }

    /** What an evaluation without findings gives: no reason, no advisory, nothing to wait for. */
    private static final Assessment NOTHING_FOUND = new Assessment(List.of(), List.of(), null);

    private static Assessment assess(RuleSet rules, RuleSet.Evaluator evaluator, DecisionRequest request,
            ContactHistory history, List<String> packs, Instant at, Duration lookahead) {
        Instant searchUntil = request.action().at().plus(lookahead);
        List<Finding> findings = evaluator.evaluate(request, history, packs, at, searchUntil);
        if (findings.isEmpty()) {
            return NOTHING_FOUND;
        }
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
        Instant retryAt = null;
        boolean endless = false;
        for (Finding finding : findings) {
            RuleInfo rule = rules.rule(finding.ruleId());
            if (finding.invalidField() != null) {
                denials.computeIfAbsent(Reason.INPUT_INVALID + "|" + finding.invalidField(),
                        key -> new ReasonDraft(rule, Reason.INPUT_INVALID, finding.invalidField() + ": " + finding.detail()));
                endless = true;
                continue;
            }
            Map<String, ReasonDraft> target = rule.effect() == Effect.ADVISORY ? advisories : denials;
            ReasonDraft draft = target.computeIfAbsent(rule.id(), key -> new ReasonDraft(rule, rule.id(), rule.message()));
            if (finding.detail() != null) {
                draft.details.add(finding.detail());
            }
            if (rule.effect() == Effect.DENY) {
                if (finding.retryAt() == null) {
                    endless = true;
                } else if (retryAt == null || finding.retryAt().isAfter(retryAt)) {
                    retryAt = finding.retryAt();
                }
            }
        }
        return new Assessment(reasons(denials), reasons(advisories), endless ? null : retryAt);
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

        Reason toReason() {
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
        private final List<ParameterOverride> overrides = new ArrayList<>();
        private Duration lookahead;
        private ClassLoader classLoader = ComplianceEngine.class.getClassLoader();
        private boolean prebuiltModels = true;

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
         * classpath; {@link ComplianceEngine#reload()} reads it again.
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

        /** Overrides one parameter of one pack. */
        public Builder parameter(String pack, String name, String value) {
            overrides.add(new ParameterOverride(pack, name, value, "(builder)", 0));
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
                    prebuiltModels);
            RuleSet rules = RuleSetLoader.load(sources);
            return new ComplianceEngine(sources, lookahead, rules);
        }
    }
}
