package org.contactguard.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;

/**
 * Writes requests in the contract's canonical JSON ({@link DecisionJson#writeRequest} gives the same
 * text), keeping the JSON of recent history entries: successive decisions about one debtor carry
 * mostly the same history, and writing it is most of an audit record's cost (a 50-entry history is
 * most of the text). Confined to the audit writer thread; not thread-safe.
 */
final class RequestJson {

    /** History entries whose JSON is kept, least recently used dropped first: a few megabytes. */
    static final int KEPT_ATTEMPTS = 8_192;

    private static final JsonFactory FACTORY = new JsonFactory(new ObjectMapper());

    private final Map<ContactAttempt, String> attempts = new LinkedHashMap<>(KEPT_ATTEMPTS * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ContactAttempt, String> eldest) {
            return size() > KEPT_ATTEMPTS;
        }
    };

    /** {@code request} as {@link DecisionJson#writeRequest} writes it. */
    String write(DecisionRequest request) {
        List<ContactAttempt> history = request.history();
        if (history.isEmpty()) {
            return DecisionJson.writeRequest(request);
        }
        ObjectNode rest = DecisionJson.requestTree(request.withHistory(List.of()));
        StringWriter out = new StringWriter(1024 + 640 * history.size());
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = rest.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                // The canonical form ends with history; everything before it is written as it is.
                if (!field.getKey().equals("history")) {
                    json.writeFieldName(field.getKey());
                    json.writeTree(field.getValue());
                }
            }
            json.writeArrayFieldStart("history");
            for (ContactAttempt attempt : history) {
                json.writeRawValue(attempts.computeIfAbsent(attempt,
                        a -> DecisionJson.write(DecisionJson.attemptTree(a), false)));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; reaching here is a bug in this class.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
