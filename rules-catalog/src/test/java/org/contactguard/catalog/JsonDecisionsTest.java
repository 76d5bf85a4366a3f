package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.Test;

/** The JSON path and the Java path are the same engine: same request, same decision, byte for byte. */
class JsonDecisionsTest {

    @Test
    void variedRequestsSurviveJsonAndAreDecidedAsInJava() {
        List<DecisionRequest> requests = RandomRequests.requests(20260310L, 400);
        for (DecisionRequest request : requests) {
            String line = DecisionJson.writeRequest(request);
            assertEquals(request, DecisionJson.parseRequest(line), line);
            assertEquals(DecisionJson.writeDecision(StarterFixtures.ENGINE.decide(request)),
                    DecisionJson.decideLine(StarterFixtures.ENGINE, line), line);
        }
    }
}
