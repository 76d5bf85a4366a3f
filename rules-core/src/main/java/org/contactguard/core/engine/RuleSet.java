package org.contactguard.core.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.rules.ActionTime;
import org.contactguard.core.rules.ContactHistory;
import org.contactguard.core.rules.Finding;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Compiled, validated rule packs: immutable after construction and shared by every thread.
 *
 * <p>All loaded packs live in one KieBase; a request that names a subset of them is evaluated
 * with an agenda filter on the packs' DRL packages, so one compiled base serves every
 * combination. Sessions are kept in a small pool of idle sessions, emptied by deleting the facts
 * of the last evaluation rather than reset: a reset drops every per-class fact store and node
 * memory, and rebuilding them cost a third of the allocation of a decision.
 */
public final class RuleSet {

    /** More firings than this in one evaluation means rules are looping: an engine error, not a verdict. */
    static final int MAX_FIRINGS = 10_000;
    /** Findings come from their own class store, without iterating every fact. */
    private static final ClassObjectFilter FINDINGS = new ClassObjectFilter(Finding.class);

    private final KieBase kieBase;
    /** Idle sessions with an empty working memory, ready for the next evaluation. */
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    /** Idle sessions kept beyond this are disposed: enough for every core and a few waiting threads. */
    private final int maxIdle = 2 * Runtime.getRuntime().availableProcessors() + 2;
    private final Map<String, PackInfo> packs;
    private final List<String> packIds;
    private final Map<String, RuleInfo> rulesById;
    private final Map<String, Object> parameterFacts;
    private final Map<List<String>, String> versions = new ConcurrentHashMap<>();
    private final Map<List<String>, AgendaFilter> filters = new ConcurrentHashMap<>();
    private final String defaultVersion;
    private final Duration longestWindow;

    private final PackSelection selection;

    RuleSet(KieBase kieBase, Map<String, PackInfo> packs, Map<String, RuleInfo> rulesById,
            Map<String, Object> parameterFacts) {
        this(kieBase, packs, rulesById, parameterFacts, new PackSelection(List.copyOf(packs.keySet()), Map.of(), Map.of()));
    }

    RuleSet(KieBase kieBase, Map<String, PackInfo> packs, Map<String, RuleInfo> rulesById,
            Map<String, Object> parameterFacts, PackSelection selection) {
        this.selection = selection;
        this.kieBase = kieBase;
        this.packs = Map.copyOf(packs);
        this.packIds = List.copyOf(packs.keySet());
        this.rulesById = Map.copyOf(rulesById);
        this.parameterFacts = Map.copyOf(parameterFacts);
        this.defaultVersion = version(packIds);
        this.longestWindow = longestWindow(packs.values());
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
     * memory. Confined to one thread; {@link #close()} returns the session.
     */
    public Evaluator evaluator() {
        return new Evaluator();
    }

    /** See {@link #evaluator()}. */
    public final class Evaluator implements AutoCloseable {
        private KieSession session;
        private final List<FactHandle> inserted = new ArrayList<>();

        private Evaluator() {
        }

        /**
         * {@link RuleSet#evaluate}, with the request's history already sorted into a
         * {@link ContactHistory} seen from {@code at} (so a next-permitted search sorts it once).
         */
        public List<Finding> evaluate(DecisionRequest request, ContactHistory history, List<String> packIds, Instant at,
                Instant searchUntil) {
            if (session == null) {
                session = borrow();
            }
            KieSession current = session;
            boolean clean = false;
            try {
                for (String id : packIds) {
                    Object parameters = parameterFacts.get(id);
                    if (parameters != null) {
                        inserted.add(current.insert(parameters));
                    }
                }
                inserted.add(current.insert(request.collector()));
                inserted.add(current.insert(at.equals(request.action().at()) ? request.action()
                        : request.action().withAt(at)));
                inserted.add(current.insert(request.debtor()));
                for (Account account : request.accounts()) {
                    inserted.add(current.insert(account));
                }
                for (ThirdParty thirdParty : request.thirdParties()) {
                    inserted.add(current.insert(thirdParty));
                }
                inserted.add(current.insert(new ActionTime(at, request.debtor().timeZones(), searchUntil)));
                inserted.add(current.insert(history));
                int fired = current.fireAllRules(filterFor(packIds), MAX_FIRINGS);
                if (fired >= MAX_FIRINGS) {
                    throw new IllegalStateException("rules fired " + fired + " times in one evaluation; a rule is looping");
                }
                Collection<? extends FactHandle> found = current.getFactHandles(FINDINGS);
                List<Finding> findings = new ArrayList<>(found.size());
                for (FactHandle handle : found) {
                    findings.add((Finding) current.getObject(handle));
                    inserted.add(handle);
                }
                clean = clear(current, inserted);
                return findings;
            } finally {
                inserted.clear();
                if (!clean) {
                    // A session that failed mid-evaluation, or kept state, is not trusted again.
                    session = null;
                    current.dispose();
                }
            }
        }

        /** Returns the (empty) session to the idle pool. */
        @Override
        public void close() {
            if (session != null) {
                KieSession done = session;
                session = null;
                giveBack(done);
            }
        }
    }

    private KieSession borrow() {
        KieSession session = idle.poll();
        if (session == null) {
            return kieBase.newKieSession();
        }
        idleCount.decrementAndGet();
        return session;
    }

    private void giveBack(KieSession session) {
        if (idleCount.incrementAndGet() <= maxIdle) {
            idle.offer(session);
        } else {
            idleCount.decrementAndGet();
            session.dispose();
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

    private AgendaFilter filterFor(List<String> packIds) {
        if (packIds.size() == packs.size()) {
            return null;
        }
        // Requests select few distinct pack lists (a jurisdiction's packs): build each filter once.
        AgendaFilter known = filters.get(packIds);
        if (known != null) {
            return known;
        }
        return filters.computeIfAbsent(List.copyOf(packIds), this::newFilter);
    }

    private AgendaFilter newFilter(List<String> packIds) {
        Set<String> packages = new HashSet<>();
        for (String id : packIds) {
            packages.add(packs.get(id).packageName());
        }
        return match -> packages.contains(match.getRule().getPackageName());
    }
}
