package org.contactguard.core.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
                json.writeRawValue(new Raw(record.requestJson()));
            }
            json.writeFieldName("decision");
            json.writeRawValue(new Raw(DecisionJson.writeDecision(record.decision())));
            json.writeEndObject();
        }
    }

    /**
     * JSON text copied into a byte generator as its UTF-8 bytes, encoded by {@link String#getBytes}:
     * Jackson's own raw writer encodes character by character, which was a quarter of writing a
     * record with a long history.
     */
    private static final class Raw implements SerializableString {
        private final SerializedString text;
        private final byte[] utf8;

        Raw(String json) {
            this.text = new SerializedString(json);
            this.utf8 = json.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (utf8.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        // The character and quoted forms, which a character generator or a quoting caller asks for.
        @Override
        public String getValue() {
            return text.getValue();
        }

        @Override
        public int charLength() {
            return text.charLength();
        }

        @Override
        public char[] asQuotedChars() {
            return text.asQuotedChars();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return text.asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return text.appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return text.appendQuoted(buffer, offset);
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return text.appendUnquoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return text.writeQuotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return text.putQuotedUTF8(buffer);
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
