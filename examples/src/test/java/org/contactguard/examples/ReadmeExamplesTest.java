package org.contactguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.testkit.ScenarioFiles;
import org.contactguard.core.testkit.ScenarioReport;
import org.contactguard.core.testkit.ScenarioRunner;
import org.junit.jupiter.api.Test;

/** The README's JSON examples stay true: the request gets the decision shown, the scenario file passes. */
class ReadmeExamplesTest {

    private static final Path README = Path.of(System.getProperty("contactguard.home", "."), "../README.md");

    private static List<String> jsonBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (line.equals("```json")) {
                block = new StringBuilder();
            } else if (line.equals("```") && block != null) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void theReadmeRequestGetsTheReadmeDecision() throws IOException {
        List<String> blocks = jsonBlocks();
        assertTrue(blocks.size() >= 3, "request, decision and scenario examples");
        ComplianceEngine engine = ComplianceEngine.builder().build();
        ObjectNode actual = DecisionJson.decisionTree(DecisionJson.decide(engine, blocks.get(0)));
        ObjectNode shown = (ObjectNode) DecisionJson.parse(blocks.get(1));
        // The version is a hash of the rule files: it changes with every rule edit, the rest must not.
        actual.remove("ruleSetVersion");
        shown.remove("ruleSetVersion");
        assertEquals(shown, actual);
    }

    @Test
    void theReadmeScenarioFilePasses() throws IOException {
        String scenarioFile = jsonBlocks().get(2);
        ScenarioReport report = new ScenarioRunner(ComplianceEngine.builder().build())
                .run(List.of(new ScenarioFiles.FileScenarios("README.md",
                        ScenarioFiles.parse(scenarioFile, "README.md", null), null)));
        assertEquals(2, report.results().size());
        assertTrue(report.passed(), () -> report.failures().get(0).describe());
    }
}
