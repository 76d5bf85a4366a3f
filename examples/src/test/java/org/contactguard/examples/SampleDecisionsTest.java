package org.contactguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.junit.jupiter.api.Test;

class SampleDecisionsTest {

    @Test
    void everySampleGetsTheDecisionItsTitleDescribes() {
        ComplianceEngine engine = ComplianceEngine.builder().pack("starter").build();
        List<SampleDecisions.Sample> samples = SampleDecisions.samples();
        List<String> expected = List.of("ALLOW", "STARTER-HOURS-01", "ALLOW", "STARTER-HOURS-01", "STARTER-HOURS-01",
                "INPUT-INVALID", "ALLOW", "STARTER-FREQ-01", "ALLOW", "STARTER-CEASE-01", "ALLOW", "STARTER-FREQ-01");
        assertEquals(12, samples.size());
        for (int i = 0; i < samples.size(); i++) {
            Decision decision = engine.decide(samples.get(i).request());
            String actual = decision.verdict() == Verdict.ALLOW ? "ALLOW" : decision.ruleIds().get(0);
            assertEquals(expected.get(i), actual, samples.get(i).title() + "\n" + decision);
        }
    }

    @Test
    void mainPrintsEveryDecisionWithItsReasons() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            SampleDecisions.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("STARTER-FREQ-01 [starter] 12 CFR 1006.14(b)(2)(i)(A)"), text);
        assertTrue(text.contains("next permitted:"), text);
        assertEquals(12, text.split("\n# ", -1).length - 1, text);
    }
}
