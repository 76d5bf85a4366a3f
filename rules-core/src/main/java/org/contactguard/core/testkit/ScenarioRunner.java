package org.contactguard.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.json.DecisionJson;

/**
 * Runs scenarios against an engine and compares each decision with its expectation. Backs both
 * {@link ScenarioTests} (JUnit) and {@code contactguard scenarios} (the command line).
 *
 * <pre>{@code
 * ScenarioReport report = new ScenarioRunner(engine).run(ScenarioFiles.load("scenarios/starter", loader));
 * report.failures().forEach(f -> System.out.println(f.describe()));
 * report.unfiredRules();   // rules no scenario made fire
 * }</pre>
 */
public final class ScenarioRunner {

    private final ComplianceEngine engine;

    public ScenarioRunner(ComplianceEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Decides one scenario's request and compares. A request that breaks the contract is decided INPUT-INVALID. */
    public ScenarioResult run(Scenario scenario) {
        Decision decision = DecisionJson.readRequest(scenario.request()).decide(engine);
        return new ScenarioResult(scenario, decision, compare(scenario.expect(), decision));
    }

    /** Runs every scenario of every readable file; unreadable files are reported, not thrown. */
    public ScenarioReport run(Collection<ScenarioFiles.FileScenarios> files) {
        List<ScenarioResult> results = new ArrayList<>();
        List<ScenarioFileException> unreadable = new ArrayList<>();
        for (ScenarioFiles.FileScenarios file : files) {
            if (file.problem() != null) {
                unreadable.add(file.problem());
            }
            file.scenarios().forEach(s -> results.add(run(s)));
        }
        return report(results, unreadable);
    }

    /** The report over results already obtained (e.g. by JUnit dynamic tests), with rule coverage. */
    public ScenarioReport report(List<ScenarioResult> results, List<ScenarioFileException> unreadable) {
        RuleSet rules = engine.rules();
        Set<String> packs = new TreeSet<>();
        Set<String> fired = new HashSet<>();
        for (ScenarioResult result : results) {
            packs.addAll(packsOf(result.scenario().request(), rules));
            result.decision().reasons().forEach(r -> fired.add(r.ruleId()));
            result.decision().advisories().forEach(r -> fired.add(r.ruleId()));
        }
        List<RuleInfo> unfired = rules.rules().stream()
                .filter(rule -> packs.contains(rule.pack()) && !fired.contains(rule.id()))
                .sorted(Comparator.comparing(RuleInfo::pack).thenComparing(RuleInfo::id))
                .toList();
        return new ScenarioReport(results, unreadable, packs, unfired);
    }

    /** The packs a request names, or the engine's configured packs when it names none (or cannot be read). */
    private static Set<String> packsOf(JsonNode request, RuleSet rules) {
        JsonNode packs = request.get("packs");
        Set<String> named = new LinkedHashSet<>();
        if (packs != null && packs.isArray()) {
            packs.forEach(p -> {
                if (p.isTextual() && rules.pack(p.textValue()) != null) {
                    named.add(p.textValue());
                }
            });
        }
        return named.isEmpty() ? new LinkedHashSet<>(rules.packIds()) : named;
    }

    /** One line per difference between what was expected and what was decided. */
    static List<String> compare(Expectation expect, Decision actual) {
        List<String> mismatches = new ArrayList<>();
        if (expect.verdict() != actual.verdict()) {
            mismatches.add("verdict: expected " + expect.verdict() + ", actual " + actual.verdict()
                    + (actual.reasons().isEmpty() ? "" : " " + ids(actual.reasons())));
        }
        Set<String> denied = new TreeSet<>(actual.ruleIds());
        if (expect.rules() != null) {
            setDifference("rules", expect.rules(), denied).ifPresent(mismatches::add);
        }
        if (expect.includes() != null) {
            Set<String> missing = new TreeSet<>(expect.includes());
            missing.removeAll(denied);
            if (!missing.isEmpty()) {
                mismatches.add("includes: missing " + missing + ", actual rules " + denied);
            }
        }
        if (expect.advisories() != null) {
            setDifference("advisories", expect.advisories(), new TreeSet<>(ids(actual.advisories())))
                    .ifPresent(mismatches::add);
        }
        if (expect.checksNextPermittedAt() && !Objects.equals(expect.nextPermittedAt(), actual.nextPermittedAt())) {
            mismatches.add("nextPermittedAt: expected " + show(expect.nextPermittedAt()) + ", actual "
                    + show(actual.nextPermittedAt()));
        }
        if (!mismatches.isEmpty()) {
            // The reasons' messages say why the engine decided as it did, INPUT-INVALID's which field.
            actual.reasons().forEach(r -> mismatches.add("  reason " + r.ruleId() + ": " + r.message()));
        }
        return mismatches;
    }

    private static java.util.Optional<String> setDifference(String what, Set<String> expected, Set<String> actual) {
        if (new TreeSet<>(expected).equals(actual)) {
            return java.util.Optional.empty();
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        return java.util.Optional.of(what + ": expected " + new TreeSet<>(expected) + ", actual " + actual
                + (missing.isEmpty() ? "" : "; missing " + missing) + (unexpected.isEmpty() ? "" : "; unexpected " + unexpected));
    }

    private static List<String> ids(List<Reason> reasons) {
        return reasons.stream().map(Reason::ruleId).toList();
    }

    private static String show(Instant instant) {
        return instant == null ? "none" : instant.toString();
    }
}
