package org.contactguard.core.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An audit record as one JSON object: the record's fields, then {@code request} and {@code decision}
 * in the contract's JSON form. One line per record in {@link JsonLinesAuditSink}, where a request's
 * history entries are lines of their own, each written once per file, and the request refers to them
 * by digest.
 */
final class AuditJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Logger LOG = LoggerFactory.getLogger(AuditJson.class);

    /** How a history entry's line starts: its digest follows. */
    static final String ENTRY_PREFIX = "{\"historyEntry\":\"";
    private static final byte[] ENTRY_PREFIX_BYTES = ENTRY_PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTRY_MIDDLE_BYTES = "\",\"attempt\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTRY_END_BYTES = "}\n".getBytes(StandardCharsets.US_ASCII);

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
        writeHead(record, json);
        json.writeFieldName("request");
        if (record.requestJson() == null) {
            json.writeNull();
        } else {
            // Written by the contract's own writer moments ago: valid JSON, no need to parse it again.
            json.writeRawValue(new Raw(record.requestJson()));
        }
        json.writeFieldName("decision");
        DecisionJson.writeDecision(json, record.decision());
        json.writeEndObject();
    }

    /** Opens the record's object and writes every field before {@code request}. */
    private static void writeHead(AuditRecord record, JsonGenerator json) throws IOException {
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
    }

    /**
     * Writes the record of {@code decided} to {@code out} as one line whose request refers to its
     * history entries by digest ({@code historyRefs}, in the history's order, in place of the request's
     * {@code history}), preceded by a line {@code {"historyEntry":digest,"attempt":{...}}} for each entry
     * {@code known} does not hold yet, which it then holds. A request that cannot be written is logged
     * and its record kept without it, as the trail does for other sinks.
     */
    static void writeLines(Decided decided, OutputStream out, KnownEntries known, Scratch scratch) throws IOException {
        AuditRecord head = decided.head();
        DecisionRequest request = decided.request();
        scratch.entries.reset();
        scratch.line.reset();
        scratch.learned.clear();
        scratch.refs.clear();
        try {
            if (request != null) {
                for (ContactAttempt attempt : request.history()) {
                    SerializedString digest = known.digestIfKnown(attempt);
                    if (digest == null) {
                        KnownEntries.Rendered rendered = known.render(attempt);
                        digest = rendered.digest();
                        scratch.entries.write(ENTRY_PREFIX_BYTES);
                        scratch.entries.write(digest.asUnquotedUTF8());
                        scratch.entries.write(ENTRY_MIDDLE_BYTES);
                        scratch.entries.write(rendered.json());
                        scratch.entries.write(ENTRY_END_BYTES);
                        scratch.learned.put(attempt, digest);
                    }
                    scratch.refs.add(digest);
                }
            }
            try (JsonGenerator json = FACTORY.createGenerator(scratch.line, JsonEncoding.UTF8)) {
                writeHead(head, json);
                json.writeFieldName("request");
                if (request == null) {
                    json.writeNull();
                } else {
                    DecisionJson.writeRequestWithoutHistory(json, request);
                    json.writeEndObject();
                    json.writeArrayFieldStart("historyRefs");
                    for (SerializedString digest : scratch.refs) {
                        json.writeString(digest);
                    }
                    json.writeEndArray();
                }
                json.writeFieldName("decision");
                DecisionJson.writeDecision(json, head.decision());
                json.writeEndObject();
            }
        } catch (RuntimeException e) {
            requestNotWritten(request == null ? null : request.id(), e);
            scratch.entries.reset();
            scratch.line.reset();
            scratch.learned.clear();
            try (JsonGenerator json = FACTORY.createGenerator(scratch.line, JsonEncoding.UTF8)) {
                write(head, json);
            }
        }
        scratch.entries.writeTo(out);
        scratch.line.writeTo(out);
        out.write('\n');
        scratch.learned.forEach(known::remember);
    }

    /**
     * A request as a table keeping history entries apart stores it: its canonical JSON without
     * {@code history}, and its entries' digests, comma-separated, in the history's order. Entries
     * neither {@code known} nor already in {@code learned} are rendered and added to {@code learned}.
     */
    static Split split(DecisionRequest request, KnownEntries known,
            Map<ContactAttempt, KnownEntries.Rendered> learned) {
        StringBuilder refs = new StringBuilder(request.history().size() * (KnownEntries.DIGEST_LENGTH + 1));
        for (ContactAttempt attempt : request.history()) {
            SerializedString digest = known.digestIfKnown(attempt);
            if (digest == null) {
                digest = learned.computeIfAbsent(attempt, known::render).digest();
            }
            if (refs.length() > 0) {
                refs.append(',');
            }
            refs.append(digest.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            DecisionJson.writeRequestWithoutHistory(json, request);
            json.writeEndObject();
        } catch (IOException e) {
            // A byte array does not fail; reaching here is a bug in the writer.
            throw new UncheckedIOException(e);
        }
        return new Split(out.toString(StandardCharsets.UTF_8), refs.toString());
    }

    /** What {@link #split} gives. */
    record Split(String requestJson, String historyRefs) {
    }

    /**
     * A request stored {@linkplain #split split} made whole again, in canonical JSON: its history is
     * the entries of {@code digests}, from {@code entries}.
     *
     * @throws InvalidInputException naming the reference when an entry is missing
     */
    static String whole(String requestJson, List<String> digests, Function<String, JsonNode> entries) {
        JsonNode request = DecisionJson.parse(requestJson);
        if (!request.isObject()) {
            throw new InvalidInputException("request", "must be an object");
        }
        putHistory((ObjectNode) request, digests, entries);
        return DecisionJson.write(request, false);
    }

    /**
     * Gives {@code request} its {@code history}, the last field as the canonical form has it: the
     * entries of {@code digests}, in order, from {@code entries}.
     *
     * @throws InvalidInputException naming the reference when an entry is missing
     */
    private static void putHistory(ObjectNode request, List<String> digests, Function<String, JsonNode> entries) {
        ArrayNode history = request.putArray("history");
        for (int i = 0; i < digests.size(); i++) {
            JsonNode entry = entries.apply(digests.get(i));
            if (entry == null) {
                throw new InvalidInputException("historyRefs[" + i + "]", "history entry " + digests.get(i)
                        + " is not in the audit sink");
            }
            history.add(entry);
        }
    }

    /**
     * Logs that request {@code requestId} could not be written as JSON for its audit record, which is
     * then kept without it: a record without the request beats none, and the id says which.
     */
    static void requestNotWritten(String requestId, RuntimeException e) {
        LOG.error("Could not write request {} as JSON for its audit record; recorded without it", requestId, e);
    }

    /** Buffers {@link #writeLines} reuses from one record to the next. */
    static final class Scratch {
        private final ByteArrayOutputStream entries = new ByteArrayOutputStream(16 * 1024);
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(4 * 1024);
        private final Map<ContactAttempt, SerializedString> learned = new LinkedHashMap<>();
        private final List<SerializedString> refs = new ArrayList<>();
    }

    /** Whether {@code line} is a history entry's line, and then its digest, else null. */
    static String entryDigest(String line) {
        int end = ENTRY_PREFIX.length() + KnownEntries.DIGEST_LENGTH;
        if (!line.startsWith(ENTRY_PREFIX) || line.length() < end) {
            return null;
        }
        return line.substring(ENTRY_PREFIX.length(), end);
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
     * Reads a record written by {@link #write}, whose request holds its whole history.
     *
     * @throws InvalidInputException naming the field when the text is not such a record
     */
    static AuditRecord read(String line) {
        return read(tree(line), digest -> null);
    }

    /** The record's JSON tree, still to be {@linkplain #read(JsonNode, Function) read}. */
    static JsonNode tree(String line) {
        JsonNode node = DecisionJson.parse(line);
        if (!node.isObject()) {
            throw new InvalidInputException("", "an audit record is a JSON object");
        }
        return node;
    }

    /** The digests a record's request refers to for its history; empty when it holds the history itself. */
    static List<String> historyRefs(JsonNode record) {
        JsonNode refs = record.get("historyRefs");
        List<String> digests = new ArrayList<>();
        if (refs != null && refs.isArray()) {
            refs.forEach(ref -> digests.add(ref.asText()));
        }
        return digests;
    }

    /**
     * Reads a record's tree; a request written with {@code historyRefs} gets its history back from
     * {@code entries}, which gives the entry's tree for a digest, or null when the sink lacks it.
     *
     * @throws InvalidInputException naming the field when the tree is not such a record, or an entry
     *     referred to is missing
     */
    static AuditRecord read(JsonNode node, Function<String, JsonNode> entries) {
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
        JsonNode refs = node.get("historyRefs");
        if (refs != null && request != null && request.isObject()) {
            if (!refs.isArray()) {
                throw new InvalidInputException("historyRefs", "must be an array of digests");
            }
            putHistory((ObjectNode) request, historyRefs(node), entries);
        }
        JsonNode micros = node.get("durationMicros");
        return new AuditRecord(instant(node, "decidedAt"), text(node, "debtorId"), text(node, "requestId"),
                text(node, "tenant"), instant(node, "actionAt"),
                request == null || request.isNull() ? null : DecisionJson.write(request, false), decision,
                text(node, "libraryVersion"), packs, Duration.ofNanos(micros == null ? 0 : micros.asLong() * 1_000));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Instant instant(JsonNode node, String field) {
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
