package org.contactguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.json.DecisionJson;
import org.junit.jupiter.api.Test;

/** The README's first command decides these samples: each must get the decision its id describes. */
class SampleRequestsTest {

    @Test
    void everySampleGetsTheDecisionItsIdDescribes() throws IOException {
        ComplianceEngine engine = ComplianceEngine.builder().build();
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("contactguard.home", "."),
                "data/sample-requests.jsonl"));
        List<String> expected = List.of("ALLOW", "STARTER-HOURS-01", "ALLOW", "STARTER-HOURS-01", "STARTER-HOURS-01",
                "INPUT-INVALID", "ALLOW", "STARTER-FREQ-01", "ALLOW", "STARTER-CEASE-01", "ALLOW", "STARTER-FREQ-01",
                "ALLOW", "CN-HOURS-01", "CN-CONDUCT-01", "CN-VISIT-01",
                "ALLOW", "US-REGF-FREQ-01", "US-MA-FREQ-01", "US-REGF-ATTY-01");
        assertEquals(expected.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Decision decision = DecisionJson.decide(engine, lines.get(i));
            String actual = decision.verdict() == Verdict.ALLOW ? "ALLOW" : decision.ruleIds().get(0);
            assertEquals(expected.get(i), actual, decision.toString());
            assertEquals(String.format("s%02d", i + 1), decision.id().substring(0, 3));
        }
    }
}
