package org.contactguard.core.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.DecisionRequest;

/**
 * Fluent assertions on a {@link Decision}. Failures throw {@link AssertionError} with the whole
 * decision in the message, so a failing test shows every reason, not just the first mismatch.
 * Works with any test framework.
 */
public final class DecisionAssert {

    private final Decision decision;

    private DecisionAssert(Decision decision) {
        this.decision = Objects.requireNonNull(decision, "decision");
    }

    /** Assertions on {@code decision}. */
    public static DecisionAssert assertThat(Decision decision) {
        return new DecisionAssert(decision);
    }

    /** Decides {@code request} with {@code engine} and starts assertions on the result. */
    public static DecisionAssert assertThatDecision(ComplianceEngine engine, DecisionRequest request) {
        return new DecisionAssert(engine.decide(request));
    }

    /** The decision under test. */
    public Decision decision() {
        return decision;
    }

    /** The action is allowed (no reasons). */
    public DecisionAssert isAllowed() {
        if (!decision.isAllowed()) {
            fail("expected ALLOW");
        }
        return this;
    }

    /** The action is denied by exactly the rules {@code ruleIds}, no more and no fewer. */
    public DecisionAssert isDeniedBy(String... ruleIds) {
        Set<String> expected = new TreeSet<>(List.of(ruleIds));
        Set<String> actual = new TreeSet<>(decision.ruleIds());
        if (decision.isAllowed() || !expected.equals(actual)) {
            fail("expected DENY by exactly " + expected + " but was denied by " + actual);
        }
        return this;
    }

    /** The action is denied, and {@code ruleIds} are among the denying rules. */
    public DecisionAssert isDeniedIncluding(String... ruleIds) {
        List<String> actual = decision.ruleIds();
        for (String id : ruleIds) {
            if (!actual.contains(id)) {
                fail("expected DENY including " + id + " but the denying rules were " + actual);
            }
        }
        return this;
    }

    /** No reason or advisory of rule {@code ruleId} was given. */
    public DecisionAssert isNotFlaggedBy(String ruleId) {
        boolean present = decision.reasons().stream().anyMatch(r -> r.ruleId().equals(ruleId))
                || decision.advisories().stream().anyMatch(r -> r.ruleId().equals(ruleId));
        if (present) {
            fail("expected no reason or advisory from " + ruleId);
        }
        return this;
    }

    /** Rule {@code ruleId} gave an advisory. */
    public DecisionAssert hasAdvisory(String ruleId) {
        if (decision.advisories().stream().noneMatch(r -> r.ruleId().equals(ruleId))) {
            fail("expected an advisory from " + ruleId);
        }
        return this;
    }

    /** The reason of {@code ruleId} mentions {@code text}. */
    public DecisionAssert hasMessageContaining(String ruleId, String text) {
        Reason reason = decision.reasons().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no reason from " + ruleId + " in\n" + decision));
        if (!reason.message().contains(text)) {
            fail("expected the message of " + ruleId + " to contain '" + text + "' but it was '" + reason.message() + "'");
        }
        return this;
    }

    /** The earliest permitted moment is exactly {@code expected}. */
    public DecisionAssert hasNextPermittedAt(Instant expected) {
        if (!Objects.equals(expected, decision.nextPermittedAt())) {
            fail("expected nextPermittedAt " + expected + " but was " + decision.nextPermittedAt());
        }
        return this;
    }

    /** No next permitted moment is known (the restriction has no end, or none lies in the look-ahead). */
    public DecisionAssert hasNoNextPermittedAt() {
        if (decision.nextPermittedAt() != null) {
            fail("expected no nextPermittedAt but was " + decision.nextPermittedAt());
        }
        return this;
    }

    private void fail(String expectation) {
        throw new AssertionError(expectation + "\nactual decision:\n" + decision);
    }
}
