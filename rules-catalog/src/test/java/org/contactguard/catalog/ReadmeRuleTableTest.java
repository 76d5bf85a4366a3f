package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.RuleInfo;
import org.junit.jupiter.api.Test;

/** The README's rule table is what compliance reads first; it must say what the rules say. */
class ReadmeRuleTableTest {

    @Test
    void readmeRuleTableMatchesTheCatalogsRuleMetadata() throws IOException {
        Path readme = Path.of("..", "README.md");
        Map<String, String[]> rows = new TreeMap<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|", -1);
            if (cells.length >= 7 && cells[1].strip().matches("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+")) {
                rows.put(cells[1].strip(), new String[] {cells[2].strip(), cells[3].strip(), cells[4].strip()});
            }
        }
        Map<String, RuleInfo> rules = new TreeMap<>();
        ComplianceEngine.builder().build().rules().rules().forEach(rule -> rules.put(rule.id(), rule));
        assertEquals(rules.keySet(), rows.keySet(), "rule ids in README.md vs the loaded catalog");
        for (RuleInfo rule : rules.values()) {
            String[] row = rows.get(rule.id());
            assertEquals(rule.pack(), row[0], rule.id() + ": pack");
            assertEquals(rule.citation(), row[1], rule.id() + ": citation");
            assertEquals(rule.authority().name(), row[2], rule.id() + ": authority");
        }
        assertTrue(rules.size() >= 4);
    }
}
