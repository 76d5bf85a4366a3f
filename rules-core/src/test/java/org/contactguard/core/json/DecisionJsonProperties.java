package org.contactguard.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.TestPacks;

/** Fail closed on garbage: whatever the line, exactly one decision line comes back, and never by accident ALLOW. */
class DecisionJsonProperties {

    private static final Pattern FIELD_PATH = Pattern.compile("[a-zA-Z]+(\\[\\d+])*(\\.[a-zA-Z]+(\\[\\d+])*)*: \\S");
    private static ComplianceEngine engine;

    @BeforeContainer
    static void loadProbePack() {
        engine = ComplianceEngine.builder().pack(TestPacks.PROBE).build();
    }

    @Property(tries = 300)
    void anyTextGivesOneDecisionLineAndGarbageIsInputInvalid(@ForAll String text) {
        String line = DecisionJson.decideLine(engine, text);
        assertFalse(line.contains("\n"));
        Decision decision = DecisionJson.readDecision(line);
        assertEquals(Verdict.DENY, decision.verdict());
        assertEquals(List.of(Reason.INPUT_INVALID), decision.ruleIds());
    }

    /** Every field path of the minimal request, e.g. {@code /action/contactPoint/kind}. */
    private static List<String> pointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (!at.isEmpty()) {
            pointers.add(at);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> pointers.addAll(pointers(node.get(name), at + "/" + name)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.addAll(pointers(node.get(i), at + "/" + i));
            }
        }
        return pointers;
    }

    @Provide
    Arbitrary<String> pointer() {
        return Arbitraries.of(pointers(DecisionJson.parse(JsonRequests.MINIMAL), ""));
    }

    @Provide
    Arbitrary<String> wrongValue() {
        return Arbitraries.of("1", "1.5", "true", "\"\"", "\"X\"", "[]", "{}", "[\"A1\"]", "-3", "\"2026-13-40T25:00:00Z\"");
    }

    @Property(tries = 300)
    void replacingAnyFieldWithAnyValueGivesOneDecisionThatIsEitherValidOrNamesAField(
            @ForAll("pointer") String pointer, @ForAll("wrongValue") String value) {
        String changed = JsonRequests.with(pointer, value);
        Decision decision = DecisionJson.decide(engine, changed);
        assertFalse(decision.ruleIds().contains(Reason.ENGINE_ERROR), decision::toString);
        if (decision.ruleIds().contains(Reason.INPUT_INVALID)) {
            assertEquals(1, decision.reasons().size());
            String message = decision.reasons().get(0).message();
            // The message starts with the path of a field, then says what is wrong.
            assertTrue(FIELD_PATH.matcher(message).lookingAt(), message);
            assertFalse(message.contains("Exception"), message);
        }
    }
}
