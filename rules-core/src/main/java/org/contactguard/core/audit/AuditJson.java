package org.contactguard.core.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.InvalidInputException;

/**
 * An audit record as one JSON object: the record's fields, then {@code request} and {@code decision}
 * in the contract's JSON form. One line per record in {@link JsonLinesAuditSink}.
 */
final class AuditJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AuditJson() {
    }

    /** {@code record} as JSON on one line; the request's canonical JSON is copied in as it is. */
    static String write(AuditRecord record) {
        StringWriter out = new StringWriter(512 + (record.requestJson() == null ? 0 : record.requestJson().length()));
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(record, json);
        } catch (IOException e) {
            // A StringWriter does not fail; reaching here is a bug in this class.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Appends {@code record} as one line of UTF-8 JSON and a line break to {@code out}, without an
     * intermediate String: a record holding a long history is tens of kilobytes.
     */
    static void writeLine(AuditRecord record, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(record, json);
        }
        out.write('\n');
    }

    private static void write(AuditRecord record, JsonGenerator json) throws IOException {
        {
            json.writeStartObject();
            json.writeStringField("decidedAt", record.decidedAt().toString());
            json.writeStringField("debtorId", record.debtorId());
            json.writeStringField("requestId", record.requestId());
            json.writeStringField("tenant", record.tenant());
            json.writeStringField("actionAt", record.actionAt() == null ? null : record.actionAt().toString());
            json.writeStringField("verdict", record.decision().verdict().name());
            json.writeStringField("ruleSetVersion", record.ruleSetVersion());
            json.writeStringField("libraryVersion", record.libraryVersion());
            json.writeArrayFieldStart("packs");
            for (String pack : record.packs()) {
                json.writeString(pack);
            }
            json.writeEndArray();
            json.writeNumberField("durationMicros", micros(record.duration()));
            json.writeFieldName("request");
            if (record.requestJson() == null) {
                json.writeNull();
            } else {
                // Written by the contract's own writer moments ago: valid JSON, no need to parse it again.
                json.writeRawValue(record.requestJson());
            }
            json.writeFieldName("decision");
            json.writeRawValue(DecisionJson.writeDecision(record.decision()));
            json.writeEndObject();
        }
    }

    /** Whole microseconds, the precision the audit keeps. */
    static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    /**
     * Reads a record written by {@link #write}.
     *
     * @throws InvalidInputException naming the field when the text is not such a record
     */
    static AuditRecord read(String line) {
        JsonNode node = DecisionJson.parse(line);
        if (!node.isObject()) {
            throw new InvalidInputException("", "an audit record is a JSON object");
        }
        JsonNode request = node.get("request");
        JsonNode decisionNode = node.get("decision");
        if (decisionNode == null || !decisionNode.isObject()) {
            throw new InvalidInputException("decision", "is required");
        }
        Decision decision = DecisionJson.readDecision(DecisionJson.write(decisionNode, false));
        List<String> packs = new ArrayList<>();
        JsonNode packNodes = node.get("packs");
        if (packNodes != null) {
            packNodes.forEach(p -> packs.add(p.asText()));
        }
        JsonNode micros = node.get("durationMicros");
        return new AuditRecord(instant(node, "decidedAt"), text(node, "debtorId"), text(node, "requestId"),
                text(node, "tenant"), instant(node, "actionAt"),
                request == null || request.isNull() ? null : DecisionJson.write(request, false), decision,
                text(node, "libraryVersion"), packs, Duration.ofNanos(micros == null ? 0 : micros.asLong() * 1_000));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            InvalidInputException problem = new InvalidInputException(field, "is not an instant: " + text);
            problem.initCause(e);
            throw problem;
        }
    }
}
