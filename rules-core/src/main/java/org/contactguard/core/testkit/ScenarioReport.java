package org.contactguard.core.testkit;

import java.util.List;
import java.util.Set;
import org.contactguard.core.engine.RuleInfo;

/**
 * The outcome of running scenarios: every result, the files that could not be read, and rule coverage.
 *
 * @param results one per scenario, in file then scenario order
 * @param unreadable files that could not be read, each with the problem naming file and path
 * @param packsUsed the packs the scenarios' requests were decided with
 * @param unfiredRules rules of {@code packsUsed} that no scenario made deny or advise, by pack then id
 */
public record ScenarioReport(List<ScenarioResult> results, List<ScenarioFileException> unreadable,
        Set<String> packsUsed, List<RuleInfo> unfiredRules) {

    public ScenarioReport {
        results = List.copyOf(results);
        unreadable = List.copyOf(unreadable);
        packsUsed = Set.copyOf(packsUsed);
        unfiredRules = List.copyOf(unfiredRules);
    }

    /** The scenarios whose decision did not meet the expectation. */
    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Whether every file was read and every scenario passed. */
    public boolean passed() {
        return unreadable.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
    }
}
