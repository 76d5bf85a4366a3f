package org.contactguard.core.audit;

import static org.contactguard.core.audit.AuditFixtures.MOBILE;
import static org.contactguard.core.audit.AuditFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.audit.AuditFixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.junit.jupiter.api.Test;

/** The audit writer's request JSON is the contract's canonical JSON, with its history cache cold or warm. */
class RequestJsonTest {

    private static DecisionRequest withCalls(int count) {
        DecisionRequest base = call("R-1", "D1", NOON_IN_NEW_YORK);
        List<ContactAttempt> history = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            history.add(ContactAttempt.call(NOON_IN_NEW_YORK.minus(Duration.ofHours(i)), "A1", MOBILE,
                    i % 2 == 0 ? Outcome.NO_ANSWER : Outcome.CONNECTED));
        }
        return base.withHistory(history);
    }

    @Test
    void aRequestWithoutHistoryIsWrittenCanonically() {
        DecisionRequest request = call("R-1", "D1", NOON_IN_NEW_YORK);
        assertEquals(DecisionJson.writeRequest(request), new RequestJson().write(request));
    }

    @Test
    void aRequestWithHistoryIsWrittenCanonicallyTheFirstTimeAndAgainFromTheCache() {
        RequestJson writer = new RequestJson();
        DecisionRequest first = withCalls(5);
        DecisionRequest longer = withCalls(9);

        assertEquals(DecisionJson.writeRequest(first), writer.write(first));
        assertEquals(DecisionJson.writeRequest(longer), writer.write(longer));
        assertEquals(DecisionJson.writeRequest(first), writer.write(first));
    }

    @Test
    void theFullestRequestOfTheJsonTestsIsWrittenCanonically() throws IOException {
        String json;
        try (InputStream in = RequestJsonTest.class.getResourceAsStream("/json/full-request.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DecisionRequest request = DecisionJson.parseRequest(json);
        RequestJson writer = new RequestJson();
        assertEquals(DecisionJson.writeRequest(request), writer.write(request));
        assertEquals(DecisionJson.writeRequest(request), writer.write(request));
    }
}
