package org.contactguard.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.model.Authority;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;

/**
 * The JSON form of the request/decision contract (version 1): strict reading of requests, writing of
 * decisions, and one-line-in, one-line-out deciding for JSON Lines.
 *
 * <p>Reading is strict as the contract requires: an unknown field or enum constant, a value of the wrong
 * type (no coercion), a missing required field, a moment without an offset, duplicate keys and trailing
 * content are all errors, reported as an {@link InvalidInputException} whose {@code field()} is the full
 * path ({@code history[2].outcome}, {@code action.at}).
 *
 * <pre>{@code
 * String out = DecisionJson.decideLine(engine, line);   // never throws; bad input -> DENY INPUT-INVALID
 *
 * DecisionJson.ReadResult read = DecisionJson.readRequest(json);
 * Decision decision = read.isValid() ? engine.decide(read.request()) : read.invalidDecision(engine.version());
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class DecisionJson {

    /** The contract version this codec implements. */
    public static final int CONTRACT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> DECISION = Set.of("id", "verdict", "reasons", "advisories", "nextPermittedAt",
            "ruleSetVersion");
    private static final Set<String> REASON = Set.of("ruleId", "pack", "citation", "authority", "message", "template",
            "arguments", "evidence", "jurisdiction");

    private DecisionJson() {
    }

    /**
     * What reading one request gave: the request, or the problem and whatever id could be recovered
     * from the text (so a decision about a broken line can still be matched to its request).
     *
     * @param id the request's id when it could be read, else null
     * @param request the request, or null when {@code problem} is set
     * @param problem what made the request unreadable, naming the field path; null when valid
     */
    public record ReadResult(String id, DecisionRequest request, InvalidInputException problem) {

        public ReadResult {
            if ((request == null) == (problem == null)) {
                throw new IllegalArgumentException("exactly one of request and problem must be set");
            }
        }

        /** Whether the request could be read. */
        public boolean isValid() {
            return request != null;
        }

        /** The DENY decision for an unreadable request: one {@code INPUT-INVALID} reason naming the field. */
        public Decision invalidDecision(String ruleSetVersion) {
            if (problem == null) {
                throw new IllegalStateException("the request is valid");
            }
            return Decision.denied(id, Reason.inputInvalid(problem.field(), problem.problem()), ruleSetVersion);
        }

        /** Decides the request with {@code engine}, or denies it with {@code INPUT-INVALID}. Never throws. */
        public Decision decide(ComplianceEngine engine) {
            return isValid() ? engine.decide(request) : invalidDecision(engine.version());
        }
    }

    /** Reads one request; never throws for bad input. */
    public static ReadResult readRequest(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = parse(json);
        } catch (InvalidInputException e) {
            return new ReadResult(recoverId(json), null, e);
        }
        return readRequest(tree);
    }

    /** Reads one request from a parsed tree; never throws for bad input. */
    public static ReadResult readRequest(JsonNode tree) {
        Objects.requireNonNull(tree, "tree");
        try {
            DecisionRequest request = RequestReader.request(tree);
            return new ReadResult(request.id(), request, null);
        } catch (InvalidInputException e) {
            JsonNode id = tree.isObject() ? tree.get("id") : null;
            return new ReadResult(id != null && id.isTextual() ? id.textValue() : null, null, e);
        }
    }

    /**
     * Reads one request.
     *
     * @throws InvalidInputException naming the field path when the text breaks the contract
     */
    public static DecisionRequest parseRequest(String json) {
        return RequestReader.request(parse(json));
    }

    /**
     * Parses JSON text strictly (duplicate keys and trailing content are errors) into a tree.
     *
     * @throws InvalidInputException naming where the text broke (field {@code request} at the top level)
     */
    public static JsonNode parse(String json) {
        Objects.requireNonNull(json, "json");
        if (json.isBlank()) {
            throw new InvalidInputException("request", "is empty");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** Turns a Jackson parse failure into a problem naming the path reached and the line and column. */
    static InvalidInputException malformed(JsonProcessingException e) {
        String path = "";
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            path = pointerToPath(read.getProcessor().getParsingContext().pathAsPointer().toString());
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
        // Jackson appends where an unclosed object started, with a redacted source: noise to a reader.
        String message = e.getOriginalMessage().lines().findFirst().orElse("")
                .replaceAll(" \\(start marker at \\[Source: .*$", "").trim();
        InvalidInputException problem = new InvalidInputException(path.isEmpty() ? "request" : path,
                "malformed JSON" + where + ": " + message);
        problem.initCause(e);
        return problem;
    }

    /** {@code /history/2/outcome} to {@code history[2].outcome}. */
    static String pointerToPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(name);
            }
        }
        return path.toString();
    }

    /** The top-level {@code "id"} string of text that may be broken later on, or null. */
    static String recoverId(String json) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.END_OBJECT) {
                if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("id".equals(name)) {
                        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    parser.skipChildren();
                }
            }
            return null;
        } catch (IOException e) {
            // The text breaks before any id: there is none to recover, and the caller reports the break.
            return null;
        }
    }

    /**
     * Decides one JSON request line and returns the decision as one JSON line. Never throws for bad
     * input: an unreadable line gives DENY with one {@code INPUT-INVALID} reason naming the field.
     */
    public static String decideLine(ComplianceEngine engine, String line) {
        return writeDecision(decide(engine, line));
    }

    /** Decides one JSON request; an unreadable one is denied with {@code INPUT-INVALID}. Never throws. */
    public static Decision decide(ComplianceEngine engine, String json) {
        Objects.requireNonNull(engine, "engine");
        return readRequest(json).decide(engine);
    }

    /** The canonical JSON tree of a request: every field, defaults written out. */
    public static ObjectNode requestTree(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        return tree(g -> RequestWriter.request(g, request));
    }

    /**
     * The canonical JSON tree of one history entry, exactly as it appears in {@link #requestTree}'s
     * {@code history} array, which is always the request's last field.
     */
    public static ObjectNode attemptTree(ContactAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        return tree(g -> RequestWriter.attempt(g, attempt));
    }

    /**
     * Streams the request's canonical JSON into {@code g} as {@link #writeRequest} writes it, but stops
     * before {@code history}, always its last field: the object is left open for the caller to write the
     * history (or what stands for it) and close. The audit trail refers to history entries it already
     * holds instead of writing them again.
     *
     * @throws IOException when {@code g} cannot write
     */
    public static void writeRequestWithoutHistory(JsonGenerator g, DecisionRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        RequestWriter.requestHead(g, request);
    }

    /**
     * Streams one history entry's canonical JSON into {@code g}, exactly as it appears in
     * {@link #writeRequest}'s {@code history} array.
     *
     * @throws IOException when {@code g} cannot write
     */
    public static void writeAttempt(JsonGenerator g, ContactAttempt attempt) throws IOException {
        Objects.requireNonNull(attempt, "attempt");
        RequestWriter.attempt(g, attempt);
    }

    /** The canonical JSON of a request on one line. */
    public static String writeRequest(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        return text(256 + 512 * request.history().size(), g -> RequestWriter.request(g, request));
    }

    /**
     * The JSON tree of a decision; {@code id} and {@code nextPermittedAt} are written as null when absent,
     * a reason's optional {@code jurisdiction} is left out when it has none.
     */
    public static ObjectNode decisionTree(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        return tree(g -> decision(g, decision));
    }

    private static void decision(JsonGenerator g, Decision decision) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", decision.id());
        g.writeStringField("verdict", decision.verdict().name());
        g.writeArrayFieldStart("reasons");
        reasons(g, decision.reasons());
        g.writeEndArray();
        g.writeArrayFieldStart("advisories");
        reasons(g, decision.advisories());
        g.writeEndArray();
        g.writeFieldName("nextPermittedAt");
        if (decision.nextPermittedAt() == null) {
            g.writeNull();
        } else {
            Instants.write(g, decision.nextPermittedAt());
        }
        g.writeStringField("ruleSetVersion", decision.ruleSetVersion());
        g.writeEndObject();
    }

    private static void reasons(JsonGenerator g, List<Reason> reasons) throws IOException {
        for (Reason r : reasons) {
            g.writeStartObject();
            g.writeStringField("ruleId", r.ruleId());
            g.writeStringField("pack", r.pack());
            g.writeStringField("citation", r.citation());
            g.writeStringField("authority", r.authority().name());
            g.writeStringField("message", r.message());
            // Added with message templates; absent for reasons without one, so older readers see the same JSON.
            if (r.template() != null) {
                g.writeStringField("template", r.template());
                g.writeObjectFieldStart("arguments");
                for (java.util.Map.Entry<String, String> argument : r.arguments().entrySet()) {
                    g.writeStringField(argument.getKey(), argument.getValue());
                }
                g.writeEndObject();
            }
            if (!r.evidence().isEmpty()) {
                g.writeArrayFieldStart("evidence");
                for (java.time.Instant moment : r.evidence()) {
                    Instants.write(g, moment);
                }
                g.writeEndArray();
            }
            if (r.jurisdiction() != null) {
                g.writeStringField("jurisdiction", r.jurisdiction());
            }
            g.writeEndObject();
        }
    }

    /** Something that writes one JSON value into a generator. */
    @FunctionalInterface
    private interface JsonWriting {
        void writeTo(JsonGenerator g) throws IOException;
    }

    /** The value {@code writing} writes, as a tree: the same tokens the text would hold. */
    private static ObjectNode tree(JsonWriting writing) {
        try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
            writing.writeTo(tokens);
            try (JsonParser parser = tokens.asParser()) {
                return (ObjectNode) MAPPER.readTree(parser);
            }
        } catch (IOException e) {
            // Tokens in memory do not fail; reaching here is a bug in this class.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value {@code writing} writes, as JSON text on one line: encoded as UTF-8 first, which
     * Jackson's byte generator does several times faster than its character one, then decoded.
     */
    private static String text(int sizeHint, JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            writing.writeTo(g);
        } catch (IOException e) {
            // A byte array does not fail; reaching here is a bug in this class.
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Streams a decision's JSON into {@code g}, as {@link #writeDecision} writes it.
     *
     * @throws IOException when {@code g} cannot write
     */
    public static void writeDecision(JsonGenerator g, Decision decision) throws IOException {
        Objects.requireNonNull(decision, "decision");
        decision(g, decision);
    }

    /** A decision as one JSON line (no line break inside). */
    public static String writeDecision(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        return text(512, g -> decision(g, decision));
    }

    /** Any tree as JSON text, on one line or indented. */
    public static String write(JsonNode tree, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                    : MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; reaching here is a bug in this class.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a decision (as written by {@link #writeDecision}) strictly.
     *
     * @throws InvalidInputException naming the field path when the text is not a contract decision
     */
    public static Decision readDecision(String json) {
        JsonFields f = JsonFields.of(parse(json), "", DECISION);
        String id = f.string("id", false);
        Verdict verdict = f.constant("verdict", Verdict.class, true);
        List<Reason> reasons = f.list("reasons", true, DecisionJson::reason);
        List<Reason> advisories = f.list("advisories", true, DecisionJson::reason);
        var next = f.instant("nextPermittedAt", false);
        String version = f.string("ruleSetVersion", true);
        try {
            return new Decision(id, verdict, reasons, advisories, next, version);
        } catch (IllegalArgumentException e) {
            InvalidInputException problem = new InvalidInputException("verdict", e.getMessage());
            problem.initCause(e);
            throw problem;
        }
    }

    private static Reason reason(JsonNode node, String path) {
        JsonFields f = JsonFields.of(node, path, REASON);
        java.util.Map<String, String> arguments = new java.util.LinkedHashMap<>();
        JsonNode given = f.raw("arguments");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw new InvalidInputException(f.path("arguments"), "must be an object, found " + JsonFields.typeOf(given));
            }
            given.fields().forEachRemaining(e -> arguments.put(e.getKey(), JsonFields.text(e.getValue(),
                    JsonFields.child(f.path("arguments"), e.getKey()))));
        }
        List<java.time.Instant> evidence = f.list("evidence", false, JsonFields::instant);
        return new Reason(f.string("ruleId", true), f.string("pack", true), f.string("citation", true),
                f.constant("authority", Authority.class, true), f.string("message", true), f.string("template", false),
                arguments, evidence, f.string("jurisdiction", false));
    }
}
