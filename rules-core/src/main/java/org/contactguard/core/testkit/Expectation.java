package org.contactguard.core.testkit;

import java.time.Instant;
import java.util.Set;
import org.contactguard.core.decision.Verdict;

/**
 * What a scenario expects of its decision: the {@code expect} object of a scenario file.
 *
 * @param verdict the expected verdict (always checked)
 * @param rules the exact set of rule ids among the decision's reasons; null: not checked
 * @param includes rule ids that must be among the reasons (others may be too); null: not checked
 * @param advisories the exact set of advisory rule ids; null: not checked
 * @param checksNextPermittedAt whether {@code nextPermittedAt} is checked at all
 * @param nextPermittedAt the expected next permitted moment; null with {@code checksNextPermittedAt}
 *     asserts there is none
 */
public record Expectation(Verdict verdict, Set<String> rules, Set<String> includes, Set<String> advisories,
        boolean checksNextPermittedAt, Instant nextPermittedAt) {

    public Expectation {
        if (verdict == null) {
            throw new IllegalArgumentException("verdict is required");
        }
        rules = rules == null ? null : Set.copyOf(rules);
        includes = includes == null ? null : Set.copyOf(includes);
        advisories = advisories == null ? null : Set.copyOf(advisories);
    }
}
