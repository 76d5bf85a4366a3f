package org.contactguard.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** JSON request fixtures and a small JSON Pointer editor for the codec tests. */
final class JsonRequests {

    /** A call at noon in New York about account A1, no history: allowed by the probe pack. */
    static final String MINIMAL = """
            {"id":"R-1",
             "action":{"channel":"CALL","at":"2026-01-14T17:00:00Z","recipient":"DEBTOR",
                       "contactPoint":{"id":"P1","kind":"MOBILE"},"accountIds":["A1"]},
             "debtor":{"id":"D1","timeZones":["America/New_York"]},
             "accounts":[{"id":"A1","product":"CREDIT_CARD","jurisdiction":"US","daysPastDue":45}],
             "history":[{"channel":"CALL","at":"2026-01-13T17:00:00Z","recipient":"DEBTOR",
                         "contactPoint":{"id":"P1","kind":"MOBILE"},"accountIds":["A1"],"outcome":"NO_ANSWER"}]}
            """;

    private JsonRequests() {
    }

    static String resource(String name) {
        try (InputStream in = JsonRequests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #MINIMAL} with the field at {@code pointer} (e.g. {@code /action/at}) set to raw JSON {@code json}, or removed when null. */
    static String with(String pointer, String json) {
        ObjectNode root = (ObjectNode) DecisionJson.parse(MINIMAL);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        JsonNode value = json == null ? null : DecisionJson.parse("[" + json + "]").get(0);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), value);
        } else if (value == null) {
            ((ObjectNode) parent).remove(name);
        } else {
            ((ObjectNode) parent).set(name, value);
        }
        return DecisionJson.write(root, false);
    }
}
