package org.contactguard.core.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.contactguard.core.calendar.HolidayCalendar;
import org.contactguard.core.calendar.MissingCalendarYearException;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.rules.ActionInitiative;
import org.contactguard.core.rules.ActionTime;
import org.contactguard.core.rules.AgreedContactTime;
import org.contactguard.core.rules.ContactHistory;
import org.contactguard.core.rules.ElectronicConsent;
import org.contactguard.core.rules.Finding;
import org.contactguard.core.rules.GoverningLaw;
import org.contactguard.core.rules.LocalDay;
import org.contactguard.core.rules.Measure;
import org.contactguard.core.rules.MomentFacts;
import org.contactguard.core.rules.RestrictionInForce;
import org.contactguard.core.rules.Tally;
import org.contactguard.core.rules.WorkContactRequest;
import org.drools.core.common.InternalFactHandle;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled, validated rule packs: immutable after construction and shared by every thread.
 *
 * <p>Each pack has its own KieBase, so a request is matched only against the rules of the packs it
 * selects. Packs with pre-built models that a request selects together (us-regf with an overlay)
 * are merged into one KieBase for that combination, built the first time a request needs it, so
 * their rules share one session and each derived fact is inserted once; other combinations take
 * one session per pack and concatenate the findings (unordered; the engine sorts them). Packs
 * share no types or facts (each has its own DRL package), so either way finds what one KieBase of
 * all the packs would. Sessions are kept in a small
 * pool of idle sessions per pack, emptied by deleting the facts of the last evaluation rather than
 * reset: a reset drops every per-class fact store and node memory, and rebuilding them cost a
 * third of the allocation of a decision.
 * A pack whose every rule matches the action, its time or the history keeps the request's facts
 * in its pooled sessions and updates them in place to the next moment or request (see
 * {@link PackBase}); other packs' sessions are emptied after each evaluation.
 */
public final class RuleSet {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSet.class);

    /** More firings than this in one evaluation of a pack means rules are looping: an engine error, not a verdict. */
    static final int MAX_FIRINGS = 10_000;
    /** Findings come from their own class store, without iterating every fact. */
    private static final ClassObjectFilter FINDINGS = new ClassObjectFilter(Finding.class);
    /*
     * Sessions keep Drools' default thread-safe configuration. drools.threadSafe=false
     * (ThreadSafeOption.NO) looked safe, as a pooled session is used by one thread at a time, but
     * in Drools 10.2.0 an executable-model consequence (LambdaConsequence) then caches the matched
     * facts in itself, and it is shared by every session of the KieBase: two threads firing the
     * same rule read each other's facts (rules-catalog's ConcurrentDecisionsTest failed with
     * NullPointerException in consequences).
     */

    /** Idle sessions kept per pack beyond this are disposed: enough for every core and a few waiting threads. */
    private static final int MAX_IDLE = 2 * Runtime.getRuntime().availableProcessors() + 2;

    /** Compiled packs in load order, indexed by {@link PackBase#index}. */
    private final PackBase[] bases;
    private final Map<String, PackBase> basesById;
    private final Map<String, PackInfo> packs;
    private final List<String> packIds;
    private final Map<String, RuleInfo> rulesById;
    private final Map<List<String>, String> versions = new ConcurrentHashMap<>();
    private final String defaultVersion;
    private final Duration longestWindow;

    private final PackSelection selection;
    private final List<RuleProblem> warnings;
    /** See the constructor. */
    private final Map<String, Model> models;
    /**
     * The sessions that evaluate a combination of packs, by the bit set of the packs' load indexes:
     * one merged rule base when the packs can share a session ({@link #merge}), else each pack's own.
     */
    private final Map<Long, PackBase[]> plans = new ConcurrentHashMap<>();
    /** Tenants and effective-dated periods ({@link Variants#NONE} when there are none). */
    private final Variants variants;

    /**
     * @param kieBases each pack's compiled rules, by pack id
     * @param parameterFacts each pack's parameter fact (of a type declared in that pack's KieBase), by pack id
     * @param measures each pack's declared measures, by pack id (absent: none)
     * @param models the executable models of the packs built from one, by pack id: packs that all
     *     have one are merged into one rule base per combination a request selects
     * @param warnings what lint reports about the loaded rules (they load regardless)
     */
    RuleSet(Map<String, KieBase> kieBases, Map<String, PackInfo> packs, Map<String, RuleInfo> rulesById,
            Map<String, Object> parameterFacts, PackSelection selection, Map<String, List<Measure>> measures,
            Map<String, Model> models, List<RuleProblem> warnings) {
        this(kieBases, packs, rulesById, parameterFacts, selection, measures, models, warnings, Map.of(), Variants.NONE);
    }

    /**
     * @param outOfForce by pack id, the rules not in force in this rule set (effective-dated), named
     *     by {@link EffectiveRules#qualified}
     * @param variants this rule set's tenants and periods
     */
    RuleSet(Map<String, KieBase> kieBases, Map<String, PackInfo> packs, Map<String, RuleInfo> rulesById,
            Map<String, Object> parameterFacts, PackSelection selection, Map<String, List<Measure>> measures,
            Map<String, Model> models, List<RuleProblem> warnings, Map<String, java.util.Set<String>> outOfForce,
            Variants variants) {
        this.variants = variants;
        this.selection = selection;
        List<RuleProblem> sorted = new ArrayList<>(warnings);
        sorted.sort(java.util.Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        this.warnings = List.copyOf(sorted);
        this.packs = Map.copyOf(packs);
        this.packIds = List.copyOf(packs.keySet());
        this.rulesById = Map.copyOf(rulesById);
        this.bases = new PackBase[packIds.size()];
        Map<String, PackBase> byId = new HashMap<>();
        for (int i = 0; i < packIds.size(); i++) {
            String id = packIds.get(i);
            KieBase kieBase = kieBases.get(id);
            if (kieBase == null) {
                throw new IllegalArgumentException("pack '" + id + "' has no compiled rules");
            }
            Object parameters = parameterFacts.get(id);
            bases[i] = new PackBase(i, id, kieBase, parameters == null ? List.of() : List.of(parameters),
                    measures.getOrDefault(id, List.of()), parameters != null, packs.get(id).exemptCollectorKinds(),
                    outOfForce.getOrDefault(id, Set.of()));
            byId.put(id, bases[i]);
        }
        this.basesById = Map.copyOf(byId);
        this.models = Map.copyOf(models);
        this.defaultVersion = version(packIds);
        this.longestWindow = variants.longestWindow(longestWindow(packs.values()));
    }

    /**
     * The rule set that decides a request for {@code tenant} (null: none) whose action is at {@code at}:
     * this one when no tenant is named and nothing is dated.
     *
     * @throws org.contactguard.core.model.InvalidInputException naming {@code tenant} when no such tenant is loaded
     */
    public RuleSet variant(String tenant, Instant at) {
        if (variants.isNone() && tenant == null) {
            return this;
        }
        RuleSet chosen = this;
        if (tenant != null && variants.choosesTenant()) {
            chosen = variants.tenant(tenant);
            if (chosen == null) {
                throw new org.contactguard.core.model.InvalidInputException("tenant", "unknown tenant \"" + tenant
                        + "\"; loaded tenants: " + variants.tenantNames());
            }
        }
        return chosen.variants.inForceAt(chosen, at);
    }

    /** The tenants whose overlays are loaded, by name. */
    public java.util.Set<String> tenants() {
        return variants.tenantNames();
    }

    /**
     * The moments at which effective-dated rules or parameter values change, ascending; empty when
     * nothing is dated. Each {@link #variant variant} of a period is in force from one to the next.
     */
    public List<Instant> changes() {
        return variants.changes();
    }

    /** For a period's rule set: the moment the next period starts (null: none, or not a period). */
    public Instant validUntil() {
        return variants.validUntil();
    }

    /** The holiday calendars pack {@code id} declares ({@code pack.calendars}), whose local day its rules read. */
    public List<HolidayCalendar> calendars(String id) {
        return variants.calendars(id);
    }

    /**
     * The first moment after {@code at} at which a rule or parameter value of one of {@code packIds}
     * starts or stops being in force (for any tenant), or null when none does: what can change a
     * decision that only those packs make. Changes to other packs' rules cannot.
     */
    public Instant nextChange(java.util.Collection<String> packIds, Instant at) {
        return variants.nextChange(packIds, at);
    }

    /** For a period's rule set: the moment it came into force (null: from the beginning, or not a period). */
    public Instant validFrom() {
        return variants.validFrom();
    }

    /** Pack {@code id}'s {@code pack.zone}, in which its effective dates start; null when it declares none. */
    public java.time.ZoneId zone(String id) {
        return variants.zone(id);
    }

    /** The period rule {@code ruleId} is in force, from its {@code @effective}/{@code @expires}; null when undated. */
    public EffectivePeriod effectivePeriod(String ruleId) {
        return variants.ruleDates(ruleId);
    }

    private static Duration longestWindow(Iterable<PackInfo> packs) {
        Duration longest = Duration.ZERO;
        for (PackInfo pack : packs) {
            for (Map.Entry<String, Object> parameter : pack.parameters().entrySet()) {
                Duration window = null;
                if (parameter.getValue() instanceof Duration duration) {
                    window = duration;
                } else if (parameter.getValue() instanceof Integer days && parameter.getKey().endsWith("Days")) {
                    // A window counted in calendar dates (otherNumberDays = 30) reaches back that many
                    // days plus the part of the first date before the action's time of day.
                    window = Duration.ofDays(days + 1L);
                }
                if (window != null && window.compareTo(longest) > 0) {
                    longest = window;
                }
            }
        }
        return longest;
    }

    /**
     * The facts that change from one evaluation of a request to the next (the action moved to
     * another moment, its time, the history seen from then); the others (parameters, collector,
     * debtor, accounts, third parties) stay the same while a next-permitted search re-evaluates.
     */
    private static final List<Class<?>> MOVING = List.of(ProposedAction.class, ActionTime.class, ContactHistory.class);
    /**
     * Facts the engine derives for each moment and inserts afresh (deleting them after firing), so a
     * rule matching one of them fires as in a fresh session, like one matching a {@link #MOVING} fact.
     */
    private static final List<Class<?>> DERIVED = List.of(Tally.class, RestrictionInForce.class, GoverningLaw.class,
            ActionInitiative.class, AgreedContactTime.class, ElectronicConsent.class, WorkContactRequest.class,
            LocalDay.class);

    /**
     * Whether any rule of {@code kieBase} has a pattern, at any depth (inside {@code not}, {@code exists},
     * {@code collect} and {@code accumulate} too), that a fact of {@code type} can match: over its class
     * or a type it extends or implements. Counting too many only inserts a fact no rule reads; too few
     * would keep a fact from a rule that reads it.
     */
    static boolean usesType(KieBase kieBase, Class<?> type) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (rule instanceof RuleImpl impl && matchesType(impl.getLhs(), type)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesType(RuleConditionElement element, Class<?> type) {
        if (element == null) {
            return false;
        }
        if (element instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType objectType
                && objectType.getClassType().isAssignableFrom(type)) {
            return true;
        }
        if (element instanceof Pattern pattern && pattern.getSource() != null
                && matchesType(pattern.getSource(), type)) {
            return true;
        }
        for (RuleConditionElement child : element.getNestedElements()) {
            if (matchesType(child, type)) {
                return true;
            }
        }
        return false;
    }

    /** What lint reports about the loaded rules: constructs that work but should be rewritten; sorted by file and line. */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /**
     * Whether every rule of {@code kieBase} matches, in a positive pattern of its top-level
     * conditions (with no {@code @watch}), a fact of a {@link #MOVING} type read from working
     * memory, and has none of the attributes that suppress firing ({@code no-loop},
     * {@code lock-on-active}, activation groups, timers, agenda groups). Then every activation holds
     * such a fact, so updating the moving facts to the next moment (a modification of every
     * property) makes every rule that matches then fire again, exactly as in a fresh session, while
     * the other facts stay inserted and the network's work on them stays done. A pack with any
     * other rule (one that only reads parameters, say, or whose moving facts are only under
     * {@code not}/{@code or}) is evaluated from an empty working memory every time.
     */
    static boolean everyRuleMatchesAMovingFact(KieBase kieBase) {
        return everyRuleMatches(kieBase, RuleSet::isMoving);
    }

    /**
     * Whether every rule matches, as {@link #everyRuleMatchesAMovingFact} says, the action or its
     * time: the facts updated at every evaluation whatever else changed, so that a derived fact
     * equal to the one of the previous evaluation can stay as it is ({@link Slot#derive}) and its
     * rules still fire again.
     */
    static boolean everyRuleMatchesTheAction(KieBase kieBase) {
        return everyRuleMatches(kieBase, type -> type == ProposedAction.class || type == ActionTime.class);
    }

    private static boolean isMoving(Class<?> type) {
        return MOVING.contains(type) || DERIVED.contains(type) || MomentFacts.TYPES.contains(type);
    }

    private static boolean everyRuleMatches(KieBase kieBase, java.util.function.Predicate<Class<?>> moving) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (!(rule instanceof RuleImpl impl)) {
                    return false;
                }
                if (impl.isQuery()) {
                    continue;
                }
                if (impl.isLockOnActive() || impl.isNoLoop() || impl.getActivationGroup() != null || impl.getTimer() != null
                        || !impl.isMainAgendaGroup() || !matchesAMovingFact(impl.getLhs(), moving)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matchesAMovingFact(GroupElement lhs, java.util.function.Predicate<Class<?>> moving) {
        if (lhs == null || !lhs.isAnd()) {
            return false;
        }
        for (RuleConditionElement element : lhs.getChildren()) {
            if (element instanceof Pattern pattern && pattern.getSource() == null && !pattern.isPassive()
                    && (pattern.getListenedProperties() == null || pattern.getListenedProperties().isEmpty())
                    && pattern.getObjectType() instanceof ClassObjectType type
                    && moving.test(type.getClassType())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest window any loaded pack's parameters name ({@link Duration#ZERO} when none does): a
     * {@link Duration} parameter, or an {@code int} parameter named {@code …Days} (a count of calendar
     * dates, plus one day). It is how far back the loaded rules count contact history, which is what
     * a contact ledger must load for a decision and may purge beyond, and how far ahead the next
     * permitted moment is searched by default.
     */
    public Duration longestWindow() {
        return longestWindow;
    }

    /** Loaded packs in load order. */
    public List<PackInfo> packs() {
        return packIds.stream().map(packs::get).toList();
    }

    /**
     * Ids of the loaded packs in load order. A request that names none is decided by
     * {@link PackSelection#defaults()} (these minus overlays) plus the overlays its accounts select.
     */
    public List<String> packIds() {
        return packIds;
    }

    /** How requests are matched to packs: defaults, overlays by account jurisdiction. */
    public PackSelection selection() {
        return selection;
    }

    /** {@link #version(List)} of all loaded packs, computed once. */
    public String defaultVersion() {
        return defaultVersion;
    }

    /** The loaded pack with {@code id}, or null. */
    public PackInfo pack(String id) {
        return packs.get(id);
    }

    /**
     * Whether the sessions of loaded pack {@code id} keep its parameters, and a request's collector,
     * debtor, accounts and third parties between that request's evaluations (see {@link PackBase}).
     */
    boolean keepsFacts(String id) {
        return basesById.get(id).keepsFacts;
    }

    /**
     * The sessions that evaluate {@code packIds}, each named by its pack id, or by the ids of the
     * packs merged into its rule base joined with '+'.
     */
    List<String> sessionsFor(List<String> packIds) {
        return java.util.Arrays.stream(plan(packIds, null)).map(base -> base.id).toList();
    }

    /** Metadata of the rule with {@code id}, or null. */
    public RuleInfo rule(String id) {
        return rulesById.get(id);
    }

    /** Every loaded rule, by pack then file and line. */
    public List<RuleInfo> rules() {
        List<RuleInfo> all = new ArrayList<>();
        packs().forEach(pack -> all.addAll(pack.rules()));
        return all;
    }

    /**
     * Version of the rules that decide for {@code packIds}: a hash of those packs' files and
     * effective parameters, so two engines with the same files and parameters agree on it.
     */
    public String version(List<String> packIds) {
        String known = versions.get(packIds);
        if (known != null) {
            return known;
        }
        // Copied only on a miss: the key must not change if the caller later mutates its list.
        return versions.computeIfAbsent(List.copyOf(packIds), ids -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                ids.stream().sorted().forEach(id -> sha.update((id + "=" + packs.get(id).digest() + ";")
                        .getBytes(StandardCharsets.UTF_8)));
                return HexFormat.of().formatHex(sha.digest(), 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        });
    }

    /**
     * Runs the rules of {@code packIds} (all of them loaded) on {@code request} as if its action
     * happened at {@code at}, and returns what they found, unordered. Rules that name a moment
     * when they would stop objecting look no further than {@code searchUntil}.
     */
    public List<Finding> evaluate(DecisionRequest request, List<String> packIds, Instant at, Instant searchUntil) {
        try (Evaluator evaluator = evaluator()) {
            return evaluator.evaluate(request, ContactHistory.of(at, request.history()), packIds, at, searchUntil);
        }
    }

    /**
     * A session borrowed from the pool for several evaluations in a row, e.g. a batch of requests
     * or the re-decisions of a next-permitted search: between evaluations it only deletes the
     * facts it inserted, instead of returning the session to the pool and resetting every node
     * memory. Confined to one thread; {@link Evaluator#close()} returns the session.
     */
    public Evaluator evaluator() {
        return new Evaluator();
    }

    /**
     * The sessions that evaluate {@code packIds} (all loaded; repeats ignored) for a request from
     * {@code collector}, computed once per combination: the packs whose law binds the collector
     * ({@link PackInfo#exemptCollectorKinds}), in the combination's merged rule base when it has
     * one, else each in its own. An exempt pack still decides the request, with no finding.
     */
    private PackBase[] plan(List<String> packIds, CollectorKind collector) {
        long key = 0;
        boolean keyed = bases.length <= Long.SIZE;
        for (String id : packIds) {
            PackBase base = basesById.get(id);
            if (base == null) {
                throw new IllegalArgumentException("pack '" + id + "' is not loaded");
            }
            if (keyed && !base.exempts(collector)) {
                key |= 1L << base.index;
            }
        }
        if (!keyed) {
            return distinct(packIds, collector);
        }
        PackBase[] known = plans.get(key);
        return known != null ? known : plans.computeIfAbsent(key, k -> merge(distinct(packIds, collector)));
    }

    /** The packs' own bases, once each, in load order, without those that exempt {@code collector}. */
    private PackBase[] distinct(List<String> packIds, CollectorKind collector) {
        List<PackBase> found = new ArrayList<>();
        for (String id : packIds) {
            PackBase base = basesById.get(id);
            if (!found.contains(base) && !base.exempts(collector)) {
                found.add(base);
            }
        }
        found.sort(java.util.Comparator.comparingInt(base -> base.index));
        return found.toArray(PackBase[]::new);
    }

    /**
     * One rule base for packs that can share a session, so a decision about, say, a Massachusetts
     * debt fires one session rather than one per pack and each derived fact is inserted once:
     * every pack has a pre-built model and keeps its facts, no two declare a measure of one name
     * differently (a rule matches {@code Tally(measure == "x")} by name) or a global of one name.
     * Otherwise, or if Drools cannot build the merged base, each pack keeps its own session; the
     * findings are the same either way, since packs share no rules, types or facts of their own.
     */
    private PackBase[] merge(PackBase[] members) {
        if (members.length < 2) {
            return members;
        }
        List<Model> memberModels = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        Map<String, Measure> measuresByName = new HashMap<>();
        Map<String, Object> globals = new HashMap<>();
        List<String> memberIds = new ArrayList<>();
        Set<String> outOfForce = new java.util.HashSet<>();
        for (PackBase member : members) {
            Model model = models.get(member.id);
            if (model == null || !member.keepsFacts) {
                return members;
            }
            memberModels.add(model);
            parameters.addAll(member.parameters);
            for (Measure measure : member.measures) {
                Measure same = measuresByName.putIfAbsent(measure.name(), measure);
                if (same == null) {
                    measures.add(measure);
                } else if (!same.equals(measure)) {
                    return members;
                }
            }
            for (Map.Entry<String, Object> global : member.globals.entrySet()) {
                if (globals.putIfAbsent(global.getKey(), global.getValue()) != null) {
                    return members;
                }
            }
            memberIds.add(member.id);
            outOfForce.addAll(member.outOfForce);
        }
        KieBase merged;
        try {
            merged = KieBaseBuilder.createKieBaseFromModel(memberModels);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Packs {} cannot share one rule base; each is evaluated in its own session", memberIds, e);
            return members;
        }
        PackBase base = new PackBase(memberIds, merged, parameters, measures, true, outOfForce);
        if (!base.keepsFacts || !base.globals.keySet().equals(globals.keySet())) {
            return members;
        }
        return new PackBase[] {base};
    }

    /** See {@link #evaluator()}. */
    public final class Evaluator implements AutoCloseable {
        /**
         * Borrowed sessions and the rule bases they belong to, at the same index; a base is absent
         * until a request needs it. A decision uses one to three bases: a scan beats a map, which
         * was a tenth of what an evaluator allocated.
         */
        private final List<PackBase> bases = new ArrayList<>(4);
        private final List<Slot> slots = new ArrayList<>(4);
        private final List<FactHandle> inserted = new ArrayList<>();
        /** The derived facts of the moment being evaluated, for one rule base at a time. */
        private final List<Object> derived = new ArrayList<>();
        /** The tallies of the moment being evaluated, by measure: each computed once however many packs declare it. */
        private final Map<Measure, List<Tally>> tallies = new HashMap<>();
        /** The restrictions in force at the moment being evaluated; null until a pack reads them. */
        private List<RestrictionInForce> inForce;
        /** The other derived facts of the moment being evaluated, each built once however many packs read it. */
        private final MomentFacts momentFacts = new MomentFacts();
        /** The action's initiative and the agreed contact times at the moment; null until a pack reads them. */
        private ActionInitiative initiative;
        private AgreedContactTime agreedTime;
        /** Evaluators of the tenant and period variants this one has been asked to evaluate on, created on first use. */
        private Map<RuleSet, Evaluator> others;

        private Evaluator() {
        }

        /** The evaluator of {@code variant}, borrowed from and returned with this one. */
        private Evaluator of(RuleSet variant) {
            if (others == null) {
                others = new IdentityHashMap<>();
            }
            return others.computeIfAbsent(variant, RuleSet::evaluator);
        }

        /** Inserts the derived facts of this moment that {@code base}'s rules read; their handles join {@link #inserted}. */
        private void insertDerived(KieSession session, PackBase base, DecisionRequest request, ProposedAction action,
                ActionTime time, ContactHistory history) {
            for (Object fact : derive(base, request, action, time, history)) {
                inserted.add(session.insert(fact));
            }
        }

        /**
         * The derived facts of this moment that {@code base}'s rules read, always in the same order
         * (measure by measure, then type by type), so that a session that keeps them can update each
         * in place ({@link Slot#derive}); in {@link #derived}, refilled at each call.
         */
        private List<Object> derive(PackBase base, DecisionRequest request, ProposedAction action, ActionTime time,
                ContactHistory history) {
            List<Object> out = derived;
            out.clear();
            if (base.usesTallies) {
                for (Measure measure : base.measures) {
                    List<Tally> found = tallies.get(measure);
                    if (found == null) {
                        found = measure.tally(action, request.debtor(), request.accounts(), history);
                        tallies.put(measure, found);
                    }
                    for (Tally tally : found) {
                        out.add(tally);
                    }
                }
            }
            if (base.usesRestrictions || base.usesWorkRequests) {
                if (inForce == null) {
                    inForce = RestrictionInForce.at(action.at(), request.debtor().restrictions());
                }
                for (int i = 0; base.usesRestrictions && i < inForce.size(); i++) {
                    out.add(inForce.get(i));
                }
                if (base.usesWorkRequests) {
                    for (WorkContactRequest workRequest : WorkContactRequest.of(action.at(), inForce)) {
                        out.add(workRequest);
                    }
                }
            }
            if (base.usesGoverningLaw) {
                // A merged base holds its overlays' rules together: each reads the facts of its own
                // jurisdictions (GoverningLaw(jurisdiction == ma.jurisdiction)).
                for (String member : base.memberIds) {
                    PackSelection.Overlay overlay = selection.overlays().get(member);
                    if (overlay != null) {
                        for (GoverningLaw law : GoverningLaw.of(overlay.jurisdictions(), action, request.debtor(),
                                request.accounts())) {
                            out.add(law);
                        }
                    }
                }
            }
            if (base.usesInitiative) {
                if (initiative == null) {
                    initiative = ActionInitiative.of(action, history);
                }
                out.add(initiative);
            }
            if (base.usesAgreedTime) {
                if (agreedTime == null) {
                    agreedTime = AgreedContactTime.at(time, request.debtor().consents());
                }
                out.add(agreedTime);
            }
            if (base.usesElectronicConsent) {
                for (ElectronicConsent consent : ElectronicConsent.of(action, request.debtor())) {
                    out.add(consent);
                }
            }
            for (Class<?> type : base.momentTypes) {
                for (Object fact : momentFacts.of(type, request, action, history)) {
                    out.add(fact);
                }
            }
            if (base.usesLocalDay) {
                for (String member : base.memberIds) {
                    for (HolidayCalendar calendar : calendars(member)) {
                        try {
                            out.add(LocalDay.at(calendar, zone(member), action.at()));
                        } catch (MissingCalendarYearException e) {
                            throw new CalendarYearUnavailableException(member, e);
                        }
                    }
                }
            }
            return out;
        }

        /**
         * {@link RuleSet#evaluate}, with the request's history already sorted into a
         * {@link ContactHistory} seen from {@code at} (so a next-permitted search sorts it once).
         */
        public List<Finding> evaluate(DecisionRequest request, ContactHistory history, List<String> packIds, Instant at,
                Instant searchUntil) {
            RuleSet variant = variant(request.tenant(), at);
            if (variant != RuleSet.this) {
                return of(variant).evaluate(request, history, packIds, at, searchUntil);
            }
            ProposedAction action = at.equals(request.action().at()) ? request.action() : request.action().withAt(at);
            ActionTime time = new ActionTime(at, request.debtor().timeZones(), searchUntil);
            List<Finding> findings = new ArrayList<>();
            tallies.clear();
            inForce = null;
            initiative = null;
            agreedTime = null;
            momentFacts.clear();
            for (PackBase base : plan(packIds, request.collector().kind())) {
                int place = bases.indexOf(base);
                Slot slot = place < 0 ? null : slots.get(place);
                if (slot == null) {
                    slot = base.borrow();
                    bases.add(base);
                    slots.add(slot);
                }
                KieSession session = slot.session;
                boolean clean = false;
                try {
                    if (base.keepsFacts) {
                        if (slot.heldFor != request) {
                            slot.heldFor = null;
                            slot.hold(request, action, time, history);
                            slot.heldFor = request;
                        } else {
                            slot.move(action, time, history);
                        }
                        if (base.keepsDerived) {
                            slot.derive(derive(base, request, action, time, history));
                        } else {
                            insertDerived(session, base, request, action, time, history);
                        }
                        fire(session, base, findings);
                        clean = clearMoving(session, inserted, base.parameters, slot);
                    } else {
                        for (Object parameters : base.parameters) {
                            inserted.add(session.insert(parameters));
                        }
                        insertStatics(session, request, base.standing, inserted);
                        insertMoving(session, action, time, base.readsHistory ? history : null, inserted);
                        insertDerived(session, base, request, action, time, history);
                        fire(session, base, findings);
                        clean = clear(session, inserted);
                    }
                } finally {
                    inserted.clear();
                    if (!clean) {
                        // A session that failed mid-evaluation, or kept state, is not trusted again.
                        int held = bases.indexOf(base);
                        bases.remove(held);
                        slots.remove(held);
                        session.dispose();
                    }
                }
            }
            return findings;
        }

        /**
         * Fires the session's rules and collects the findings: those {@link Finding#deny} made
         * directly, and those a consequence inserted as facts, whose handles join {@link #inserted}.
         */
        private void fire(KieSession session, PackBase base, List<Finding> findings) {
            int fired;
            Finding.collectInto(findings);
            try {
                fired = base.inForce == null ? session.fireAllRules(MAX_FIRINGS)
                        : session.fireAllRules(base.inForce, MAX_FIRINGS);
            } finally {
                Finding.stopCollecting();
            }
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("rules fired " + fired + " times in one evaluation; a rule is looping");
            }
            Collection<? extends FactHandle> found = session.getFactHandles(FINDINGS);
            for (FactHandle handle : found) {
                // The handle's own object: session.getObject(handle) takes the fact store's lock.
                findings.add((Finding) ((InternalFactHandle) handle).getObject());
                inserted.add(handle);
            }
        }

        /**
         * Returns the sessions to their rule bases' idle pools: empty, or (bases that keep facts)
         * holding the parameters and the last request's facts, without findings.
         */
        @Override
        public void close() {
            if (others != null) {
                others.values().forEach(Evaluator::close);
                others = null;
            }
            for (int i = 0; i < slots.size(); i++) {
                slots.get(i).heldFor = null;
                bases.get(i).giveBack(slots.get(i));
            }
            bases.clear();
            slots.clear();
        }
    }

    /** Inserts the facts that stay the same while one request is re-evaluated at other moments. */
    private static void insertStatics(KieSession session, DecisionRequest request, StandingReads reads,
            List<FactHandle> handles) {
        if (reads.collector()) {
            handles.add(session.insert(request.collector()));
        }
        if (reads.debtor()) {
            handles.add(session.insert(request.debtor()));
        }
        if (reads.accounts()) {
            for (Account account : request.accounts()) {
                handles.add(session.insert(account));
            }
        }
        if (reads.thirdParties()) {
            for (ThirdParty thirdParty : request.thirdParties()) {
                handles.add(session.insert(thirdParty));
            }
        }
    }

    /**
     * Which of a request's standing facts (collector, debtor, accounts, third parties) some rule of
     * a base matches, at any depth, by a pattern over their class or one it extends or implements. A
     * fact no rule matches changes no match, and inserting and updating it cost a propagation each:
     * the starter pack's rules read none of them.
     */
    record StandingReads(boolean collector, boolean debtor, boolean accounts, boolean thirdParties) {

        static StandingReads of(KieBase kieBase) {
            return new StandingReads(usesType(kieBase, Collector.class), usesType(kieBase, Debtor.class),
                    usesType(kieBase, Account.class), usesType(kieBase, ThirdParty.class));
        }
    }

    /**
     * Inserts the facts of one moment, in this order: the action, its time and the history seen from
     * then (unless null: no rule reads it, and an update that reaches no rule still costs a propagation).
     */
    private static void insertMoving(KieSession session, ProposedAction action, ActionTime time, ContactHistory history,
            List<FactHandle> handles) {
        handles.add(session.insert(action));
        handles.add(session.insert(time));
        if (history != null) {
            handles.add(session.insert(history));
        }
    }

    private static void deleteAll(KieSession session, List<FactHandle> handles) {
        for (FactHandle handle : handles) {
            session.delete(handle);
        }
        handles.clear();
    }

    /**
     * A pooled session and, for a pack that {@link PackBase#keepsFacts keeps facts}, the handles of
     * the request facts it holds between evaluations: the standing facts its base's rules read
     * (collector, debtor, accounts, third parties: {@link StandingReads}) and {@link #moving} (action,
     * time, history), all empty when it holds none. Such a session keeps the last request's facts in the pool too, so that
     * the next request updates them in place (a request's facts are small records; the history is
     * the request's own list). Confined to the thread that borrowed it.
     */
    private static final class Slot {
        final KieSession session;
        /** Which standing facts the session holds: those its base's rules read. */
        final StandingReads reads;
        /** The handles of the standing facts held: collector, debtor (null when not), accounts, third parties. */
        FactHandle collector;
        FactHandle debtor;
        final List<FactHandle> accountHandles = new ArrayList<>();
        final List<FactHandle> partyHandles = new ArrayList<>();
        /** The objects those handles hold, in the same order: where each account and party is held. */
        private final List<Object> accountFacts = new ArrayList<>();
        private final List<Object> partyFacts = new ArrayList<>();
        final List<FactHandle> moving = new ArrayList<>(3);
        /** Whether the history is held (some rule reads it): the third of {@link #moving}. */
        final boolean holdsHistory;
        /** The derived facts held, in {@link Evaluator#derive} order, and their handles. */
        final List<Object> derivedFacts = new ArrayList<>();
        final List<FactHandle> derivedHandles = new ArrayList<>();
        /** {@link #derive}'s scratch: which held places are taken, and the next handles and facts. */
        private boolean[] taken = new boolean[16];
        private FactHandle[] nextHandles = new FactHandle[16];
        private Object[] nextFacts = new Object[16];
        /**
         * The request whose facts the session holds since its evaluator last evaluated it, or null
         * (a session from the pool may hold an earlier request's facts, which are updated or
         * replaced before use).
         */
        DecisionRequest heldFor;

        Slot(KieSession session, boolean holdsHistory, StandingReads reads) {
            this.session = session;
            this.holdsHistory = holdsHistory;
            this.reads = reads;
        }

        /** How many standing facts the session holds. */
        int standingCount() {
            return (collector == null ? 0 : 1) + (debtor == null ? 0 : 1) + accountHandles.size() + partyHandles.size();
        }

        /** The handles of the standing facts held. */
        List<FactHandle> standingHandles() {
            List<FactHandle> handles = new ArrayList<>(standingCount());
            if (collector != null) {
                handles.add(collector);
            }
            if (debtor != null) {
                handles.add(debtor);
            }
            handles.addAll(accountHandles);
            handles.addAll(partyHandles);
            return handles;
        }

        /**
         * Makes the session hold {@code next} as the derived facts of this moment, with as few
         * session operations as it takes: a fact held already (the very object, wherever it sits) is
         * left alone; otherwise a held fact of the same class that no other takes is replaced by an
         * update, or left alone when equal; the rest are inserted, and held facts nobody took are
         * deleted. Sound because every rule of a base that keeps facts matches the action or its
         * time, which are updated at every evaluation, so each rule that matches fires again whether
         * or not its derived facts changed. Matching by object and class rather than by place keeps a
         * shared instance (one initiative for every moment) from costing a delete and insert of all
         * the others when the facts before it vary in number. A fact store must never see one object
         * under two handles: {@code next} holding one object twice is an error, which fails the
         * evaluation closed.
         *
         * @throws IllegalStateException when {@code next} holds one object twice
         */
        void derive(List<Object> next) {
            int held = derivedFacts.size();
            int count = next.size();
            if (taken.length < held) {
                taken = new boolean[Math.max(held, 2 * taken.length)];
            }
            if (nextHandles.length < count) {
                nextHandles = new FactHandle[Math.max(count, 2 * nextHandles.length)];
                nextFacts = new Object[nextHandles.length];
            }
            java.util.Arrays.fill(taken, 0, held, false);
            java.util.Arrays.fill(nextHandles, 0, count, null);
            // The very objects held already, wherever they are held.
            for (int i = 0; i < count; i++) {
                Object fact = next.get(i);
                for (int k = 0; k < i; k++) {
                    if (next.get(k) == fact) {
                        // No fact store may hold one object under two handles: this evaluation fails
                        // (the session is disposed and the decision denied), as no derivation repeats one.
                        throw new IllegalStateException("derived fact " + fact.getClass().getSimpleName()
                                + " given twice for one moment");
                    }
                }
                int at = i < held && derivedFacts.get(i) == fact ? i : indexOfHeld(fact, held);
                if (at >= 0) {
                    take(at, i, derivedFacts.get(at));
                }
            }
            // Facts of a class held: the first such held fact nobody took is updated to it.
            for (int i = 0; i < count; i++) {
                if (nextHandles[i] != null) {
                    continue;
                }
                Object fact = next.get(i);
                for (int j = 0; j < held; j++) {
                    Object old = derivedFacts.get(j);
                    if (!taken[j] && old.getClass() == fact.getClass()) {
                        if (old.equals(fact)) {
                            take(j, i, old);
                        } else {
                            take(j, i, fact);
                            session.update(derivedHandles.get(j), fact);
                        }
                        break;
                    }
                }
            }
            for (int j = 0; j < held; j++) {
                if (!taken[j]) {
                    session.delete(derivedHandles.get(j));
                }
            }
            derivedFacts.clear();
            derivedHandles.clear();
            for (int i = 0; i < count; i++) {
                if (nextHandles[i] == null) {
                    nextFacts[i] = next.get(i);
                    nextHandles[i] = session.insert(nextFacts[i]);
                }
                derivedFacts.add(nextFacts[i]);
                derivedHandles.add(nextHandles[i]);
                nextFacts[i] = null;
                nextHandles[i] = null;
            }
        }

        /** Place {@code i} of the next facts keeps the handle of held place {@code j}, now holding {@code fact}. */
        private void take(int j, int i, Object fact) {
            taken[j] = true;
            nextHandles[i] = derivedHandles.get(j);
            nextFacts[i] = fact;
        }

        /** Where {@code fact} itself is held among the first {@code held} derived facts, or -1. */
        private int indexOfHeld(Object fact, int held) {
            for (int j = 0; j < held; j++) {
                if (derivedFacts.get(j) == fact) {
                    return j;
                }
            }
            return -1;
        }

        /**
         * Makes the session hold {@code request}'s facts at one moment: the held facts updated in
         * place (accounts and third parties beyond the held ones inserted, held ones beyond the
         * request's deleted) unless one of the request's objects is held under another handle,
         * in which case all are deleted and the request's inserted.
         */
        void hold(DecisionRequest request, ProposedAction action, ActionTime time, ContactHistory history) {
            if (!moving.isEmpty() && updatable(request)) {
                if (collector != null) {
                    session.update(collector, request.collector());
                }
                if (debtor != null) {
                    session.update(debtor, request.debtor());
                }
                if (reads.accounts()) {
                    replace(accountHandles, accountFacts, request.accounts());
                }
                if (reads.thirdParties()) {
                    replace(partyHandles, partyFacts, request.thirdParties());
                }
                move(action, time, history);
                return;
            }
            deleteAll(session, standingHandles());
            collector = null;
            debtor = null;
            accountHandles.clear();
            partyHandles.clear();
            accountFacts.clear();
            partyFacts.clear();
            deleteAll(session, moving);
            if (reads.collector()) {
                collector = session.insert(request.collector());
            }
            if (reads.debtor()) {
                debtor = session.insert(request.debtor());
            }
            if (reads.accounts()) {
                replace(accountHandles, accountFacts, request.accounts());
            }
            if (reads.thirdParties()) {
                replace(partyHandles, partyFacts, request.thirdParties());
            }
            insertMoving(session, action, time, holdsHistory ? history : null, moving);
        }

        /**
         * Makes {@code handles} hold {@code facts}: the held ones updated in place, the facts beyond
         * them inserted, the handles beyond the facts deleted.
         */
        private void replace(List<FactHandle> handles, List<Object> heldFacts, List<?> facts) {
            int held = handles.size();
            for (int i = 0; i < Math.min(held, facts.size()); i++) {
                session.update(handles.get(i), facts.get(i));
                heldFacts.set(i, facts.get(i));
            }
            for (int i = held; i < facts.size(); i++) {
                handles.add(session.insert(facts.get(i)));
                heldFacts.add(facts.get(i));
            }
            for (int i = held - 1; i >= facts.size(); i--) {
                session.delete(handles.remove(i));
                heldFacts.remove(i);
            }
        }

        /** Updates the action, its time and the history to another moment of the same request. */
        void move(ProposedAction action, ActionTime time, ContactHistory history) {
            session.update(moving.get(0), action);
            session.update(moving.get(1), time);
            if (holdsHistory) {
                session.update(moving.get(2), history);
            }
        }

        /**
         * Whether no account or third party of {@code request} is held at a place other than the one
         * whose handle would take it: identity-based fact stores must never see one object under two
         * handles. Told from the objects the slot holds, without asking the session: between
         * evaluations a kept session holds only the slot's facts (whatever rules inserted is
         * deleted after firing), and the collector, the debtor, the action and the history each
         * have one place only, so they can be held nowhere else.
         */
        private boolean updatable(DecisionRequest request) {
            return heldOnlyInPlace(request.accounts(), accountFacts)
                    && heldOnlyInPlace(request.thirdParties(), partyFacts);
        }

        /** Whether no fact of {@code next} is one of {@code held} at another index. */
        private static boolean heldOnlyInPlace(List<?> next, List<Object> held) {
            for (int i = 0; i < next.size(); i++) {
                Object fact = next.get(i);
                for (int j = 0; j < held.size(); j++) {
                    if (j != i && held.get(j) == fact) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * One rule base (a pack's, or the merged rule base of packs that share a session), its
     * parameter facts and its pool of idle sessions.
     *
     * <p>When every rule matches a moving fact ({@link #everyRuleMatchesAMovingFact}) and every pack
     * has parameters, its sessions {@link #keepsFacts keep facts}: the parameter facts stay
     * inserted for the life of the session, and a request's collector, debtor, accounts, third
     * parties, action, its time and the history stay inserted, updated in place to each moment a
     * next-permitted search evaluates and to the next request's facts ({@link Slot}); only the
     * findings (and facts rules inserted) are deleted after each evaluation.
     */
    private static final class PackBase {
        /** Load index of a pack's own base; merged bases have none of their own (-1). */
        final int index;
        /** The pack id, or the ids of the merged packs joined by '+'. */
        final String id;
        final KieBase kieBase;
        final List<Object> parameters;
        final boolean keepsFacts;
        /** Whether its sessions also keep the derived facts, updated in place ({@link Slot#derive}). */
        final boolean keepsDerived;
        final List<Measure> measures;
        final boolean usesTallies;
        final boolean usesRestrictions;
        /** The globals typed as a pack's parameters ({@code global StarterParameters starter;}), by name: set on every session. */
        final Map<String, Object> globals;
        /** A pack's own base: the collectors its law does not bind (merged bases only hold packs that bind the request's). */
        final Set<CollectorKind> exempt;
        /** The {@link MomentFacts#TYPES} its rules read. */
        final List<Class<?>> momentTypes;
        final boolean usesGoverningLaw;
        final boolean usesInitiative;
        final boolean usesAgreedTime;
        final boolean usesElectronicConsent;
        final boolean usesWorkRequests;
        /** Whether a rule reads the {@link ContactHistory}; when none does it is not inserted. */
        final boolean readsHistory;
        /** Which standing facts its rules read; the others are not inserted. */
        final StandingReads standing;
        /** Whether a rule reads a {@link LocalDay}: one per calendar each member pack declares. */
        final boolean usesLocalDay;
        /** The packs whose rules the base holds: the pack itself, or the packs merged into it. */
        final List<String> memberIds;
        /** The rules not in force in this rule set, by {@link EffectiveRules#qualified} name. */
        final Set<String> outOfForce;
        /** Lets only the rules in force fire; null when all are (nothing dated), so firing costs nothing extra. */
        final AgendaFilter inForce;
        /** Idle sessions, without findings, ready for the next evaluation. */
        private final ConcurrentLinkedQueue<Slot> idle = new ConcurrentLinkedQueue<>();
        private final AtomicInteger idleCount = new AtomicInteger();

        /**
         * @param everyPackHasParameters whether each pack of the base has a parameter fact (a base
         *     that keeps facts keeps them inserted)
         */
        PackBase(List<String> memberIds, KieBase kieBase, List<Object> parameters, List<Measure> measures,
                boolean everyPackHasParameters, Set<String> outOfForce) {
            this(-1, String.join("+", memberIds), memberIds, kieBase, parameters, measures, everyPackHasParameters,
                    Set.of(), outOfForce);
        }

        PackBase(int index, String id, KieBase kieBase, List<Object> parameters, List<Measure> measures,
                boolean everyPackHasParameters, Set<CollectorKind> exempt, Set<String> outOfForce) {
            this(index, id, List.of(id), kieBase, parameters, measures, everyPackHasParameters, exempt, outOfForce);
        }

        private PackBase(int index, String id, List<String> memberIds, KieBase kieBase, List<Object> parameters,
                List<Measure> measures, boolean everyPackHasParameters, Set<CollectorKind> exempt,
                Set<String> outOfForce) {
            this.index = index;
            this.outOfForce = Set.copyOf(outOfForce);
            this.inForce = EffectiveRules.filter(outOfForce);
            this.memberIds = List.copyOf(memberIds);
            this.exempt = exempt;
            this.id = id;
            this.kieBase = kieBase;
            this.parameters = List.copyOf(parameters);
            this.keepsFacts = everyPackHasParameters && everyRuleMatchesAMovingFact(kieBase);
            this.keepsDerived = keepsFacts && everyRuleMatchesTheAction(kieBase);
            this.measures = List.copyOf(measures);
            this.usesTallies = usesType(kieBase, Tally.class);
            this.usesRestrictions = usesType(kieBase, RestrictionInForce.class);
            this.usesGoverningLaw = usesType(kieBase, GoverningLaw.class);
            this.usesInitiative = usesType(kieBase, ActionInitiative.class);
            this.usesAgreedTime = usesType(kieBase, AgreedContactTime.class);
            this.usesElectronicConsent = usesType(kieBase, ElectronicConsent.class);
            this.usesWorkRequests = usesType(kieBase, WorkContactRequest.class);
            this.readsHistory = usesType(kieBase, ContactHistory.class);
            this.standing = StandingReads.of(kieBase);
            this.usesLocalDay = usesType(kieBase, LocalDay.class);
            this.momentTypes = MomentFacts.TYPES.stream().filter(type -> usesType(kieBase, type)).toList();
            Map<String, Object> byName = new HashMap<>();
            for (KiePackage kiePackage : kieBase.getKiePackages()) {
                for (Global global : kiePackage.getGlobalVariables()) {
                    for (Object value : this.parameters) {
                        if (global.getType().equals(value.getClass().getName())) {
                            byName.put(global.getName(), value);
                        }
                    }
                }
            }
            this.globals = Map.copyOf(byName);
        }

        boolean exempts(CollectorKind collector) {
            return collector != null && exempt.contains(collector);
        }

        Slot borrow() {
            Slot slot = idle.poll();
            if (slot == null) {
                KieSession fresh = kieBase.newKieSession();
                // Parameters never change for a session's life (a reload builds new sessions), so a
                // global is safe in constraints and keeps them in the alpha network.
                globals.forEach(fresh::setGlobal);
                if (keepsFacts) {
                    parameters.forEach(fresh::insert);
                }
                return new Slot(fresh, readsHistory, standing);
            }
            idleCount.decrementAndGet();
            return slot;
        }

        void giveBack(Slot slot) {
            if (idleCount.incrementAndGet() <= MAX_IDLE) {
                idle.offer(slot);
            } else {
                idleCount.decrementAndGet();
                slot.session.dispose();
            }
        }
    }

    /**
     * Deletes every fact (inputs and findings) so the next evaluation starts from an empty working
     * memory; true when the session is empty afterwards. Facts a rule inserted for its own use
     * (a declared helper type, say) are found and deleted too.
     */
    private static boolean clear(KieSession session, List<FactHandle> handles) {
        for (FactHandle handle : handles) {
            session.delete(handle);
        }
        if (session.getFactCount() > 0) {
            for (FactHandle handle : new ArrayList<FactHandle>(session.<FactHandle>getFactHandles())) {
                session.delete(handle);
            }
        }
        return session.getFactCount() == 0;
    }

    /**
     * Deletes the findings ({@code handles}) from a session that keeps facts, and any fact a rule
     * inserted for its own use, leaving the parameters and what {@code slot} holds (collector,
     * debtor, accounts, third parties; action, time, history; the derived facts); true when nothing
     * else is left.
     */
    private static boolean clearMoving(KieSession session, List<FactHandle> handles, List<Object> parameters, Slot slot) {
        for (FactHandle handle : handles) {
            session.delete(handle);
        }
        long expected = (long) parameters.size() + slot.standingCount() + slot.moving.size()
                + slot.derivedHandles.size();
        if (session.getFactCount() != expected) {
            Map<FactHandle, Boolean> keep = new IdentityHashMap<>();
            slot.standingHandles().forEach(handle -> keep.put(handle, Boolean.TRUE));
            slot.moving.forEach(handle -> keep.put(handle, Boolean.TRUE));
            slot.derivedHandles.forEach(handle -> keep.put(handle, Boolean.TRUE));
            for (FactHandle handle : new ArrayList<FactHandle>(session.<FactHandle>getFactHandles())) {
                // The handle's own object, as in fire().
                if (!keep.containsKey(handle) && !isOneOf(((InternalFactHandle) handle).getObject(), parameters)) {
                    session.delete(handle);
                }
            }
        }
        return session.getFactCount() == expected;
    }

    private static boolean isOneOf(Object fact, List<Object> facts) {
        for (Object known : facts) {
            if (known == fact) {
                return true;
            }
        }
        return false;
    }
}
