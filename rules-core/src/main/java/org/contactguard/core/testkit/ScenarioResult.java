package org.contactguard.core.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.json.DecisionJson;

/**
 * A scenario run: the decision the engine gave and, line by line, how it differs from the expectation.
 *
 * @param scenario the scenario
 * @param decision the engine's decision
 * @param mismatches one line per difference ({@code verdict: expected DENY, actual ALLOW}); empty when passed
 */
public record ScenarioResult(Scenario scenario, Decision decision, List<String> mismatches) {

    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    /** Whether the decision met every expectation. */
    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** The full failure report: the differences, then request, expected and actual as JSON. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Scenario \"").append(scenario.name()).append("\" in ").append(scenario.file())
                .append(passed() ? " passed" : " failed").append('\n');
        mismatches.forEach(m -> text.append("  ").append(m).append('\n'));
        text.append("request:\n").append(DecisionJson.write(scenario.request(), true)).append('\n');
        text.append("expected:\n").append(DecisionJson.write(expectTree(scenario.expect()), true)).append('\n');
        text.append("actual:\n").append(DecisionJson.write(DecisionJson.decisionTree(decision), true));
        return text.toString();
    }

    static ObjectNode expectTree(Expectation expect) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("verdict", expect.verdict().name());
        if (expect.rules() != null) {
            expect.rules().stream().sorted().forEach(o.putArray("rules")::add);
        }
        if (expect.includes() != null) {
            expect.includes().stream().sorted().forEach(o.putArray("includes")::add);
        }
        if (expect.advisories() != null) {
            expect.advisories().stream().sorted().forEach(o.putArray("advisories")::add);
        }
        if (expect.checksNextPermittedAt()) {
            o.put("nextPermittedAt", expect.nextPermittedAt() == null ? null : expect.nextPermittedAt().toString());
        }
        return o;
    }
}
