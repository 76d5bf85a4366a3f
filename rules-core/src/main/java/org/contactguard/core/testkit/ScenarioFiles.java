package org.contactguard.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.InvalidInputException;

/**
 * Finds and reads scenario files. A file ({@code .json}, or {@code .yaml}/{@code .yml} when
 * jackson-dataformat-yaml is on the classpath) holds one scenario or a suite:
 *
 * <pre>{@code
 * { "name": "...", "request": {...}, "expect": {...} }
 *
 * { "name": "...", "packs": ["starter"],            // optional, overrides request.packs everywhere
 *   "base": {...request...},                          // optional
 *   "scenarios": [
 *     { "name": "...", "patch": {...},                 // JSON Merge Patch (RFC 7386) applied to base
 *       "expect": { "verdict": "DENY", "rules": ["STARTER-HOURS-01"], "nextPermittedAt": "2026-03-10T12:00:00Z" } },
 *     { "name": "...", "request": {...full request...}, "expect": { "verdict": "ALLOW" } } ] }
 * }</pre>
 *
 * <p>{@code expect}: {@code verdict} (required), {@code rules} (exact set of denying rule ids),
 * {@code includes} (ids that must be among them), {@code advisories} (exact set of advisory ids),
 * {@code nextPermittedAt} (an instant, or null for "none"). Every object may carry a {@code description}.
 * Unknown keys are errors, as in the contract.
 */
public final class ScenarioFiles {

    private static final Set<String> SINGLE = Set.of("name", "description", "packs", "request", "expect");
    private static final Set<String> SUITE = Set.of("name", "description", "packs", "base", "scenarios");
    private static final Set<String> ENTRY = Set.of("name", "description", "request", "patch", "expect");
    private static final Set<String> EXPECT = Set.of("verdict", "rules", "includes", "advisories", "nextPermittedAt");

    private ScenarioFiles() {
    }

    /** One scenario file's contents, or why it could not be read. */
    public record FileScenarios(String file, List<Scenario> scenarios, ScenarioFileException problem) {

        public FileScenarios {
            scenarios = List.copyOf(scenarios);
        }
    }

    /**
     * Reads every scenario file at {@code location}: a classpath folder or file (e.g.
     * {@code scenarios/us-regf}) or, when the classpath has none, a filesystem folder or file. Folders are
     * searched recursively for {@code .json}, {@code .yaml} and {@code .yml} files, read in path order.
     *
     * @throws IllegalArgumentException when nothing is found there, or no scenario file
     */
    public static List<FileScenarios> load(String location, ClassLoader loader) {
        Objects.requireNonNull(location, "location");
        String resource = location.startsWith("/") ? location.substring(1) : location;
        List<FileScenarios> files = new ArrayList<>();
        List<URL> urls = resources(resource, loader);
        if (urls.isEmpty()) {
            Path path = Path.of(location);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no scenarios at " + location
                        + ": neither a classpath resource nor a file or folder");
            }
            files.addAll(loadPath(path, location));
        }
        for (URL url : urls) {
            files.addAll(loadUrl(url, resource));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no scenario files (*.json, *.yaml) under " + location);
        }
        return files;
    }

    private static List<URL> resources(String resource, ClassLoader loader) {
        if (resource.isEmpty()) {
            return List.of();
        }
        try {
            return Collections.list(loader.getResources(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the classpath for " + resource, e);
        }
    }

    private static List<FileScenarios> loadUrl(URL url, String resource) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return loadFromJar(uri, resource);
            }
            return loadPath(Path.of(uri), resource);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot read scenarios from " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenarios from " + url, e);
        }
    }

    private static List<FileScenarios> loadFromJar(URI uri, String resource) throws IOException {
        FileSystem jar;
        boolean opened;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            // Someone else opened it and will close it; use theirs, leave it open.
            jar = FileSystems.getFileSystem(uri);
            opened = false;
        }
        try {
            return loadPath(jar.provider().getPath(uri), resource);
        } finally {
            if (opened) {
                jar.close();
            }
        }
    }

    /**
     * Reads every scenario file at {@code path} (a file or a folder searched recursively), naming each as
     * {@code label} joined with its path relative to {@code path}.
     */
    public static List<FileScenarios> loadPath(Path path, String label) {
        if (Files.isRegularFile(path)) {
            return List.of(read(path, label));
        }
        List<Path> jsonFiles;
        try (Stream<Path> walk = Files.walk(path)) {
            jsonFiles = walk.filter(Files::isRegularFile).filter(ScenarioFiles::isScenarioFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenarios under " + path, e);
        }
        List<FileScenarios> files = new ArrayList<>();
        String prefix = label.endsWith("/") ? label : label + "/";
        for (Path file : jsonFiles) {
            files.add(read(file, prefix + path.relativize(file).toString().replace('\\', '/')));
        }
        return files;
    }

    private static FileScenarios read(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + label, e);
        }
        URI source = "jar".equals(file.toUri().getScheme()) ? null : file.toUri();
        try {
            return new FileScenarios(label, parse(text, label, source), null);
        } catch (ScenarioFileException e) {
            return new FileScenarios(label, List.of(), e);
        }
    }

    /**
     * Reads the scenarios of one file's text.
     *
     * @throws ScenarioFileException naming the file and the path inside it
     */
    public static List<Scenario> parse(String text, String file, URI source) {
        JsonNode root;
        if (isYaml(file)) {
            root = yaml(text, file);
        } else {
            try {
                root = DecisionJson.parse(text);
            } catch (InvalidInputException e) {
                throw new ScenarioFileException(file, e.field().equals("request") ? "" : e.field(), e.problem());
            }
        }
        Reader r = new Reader(file);
        if (!root.isObject()) {
            throw new ScenarioFileException(file, "", "must be a JSON object");
        }
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        ArrayNode packs = r.optionalPacks(root);
        List<Scenario> scenarios = new ArrayList<>();
        if (root.has("scenarios")) {
            r.known(root, "", SUITE);
            String suite = r.optionalText(root, "", "name");
            suite = suite == null ? fileName : suite;
            JsonNode base = root.get("base");
            if (base != null && !base.isObject()) {
                throw new ScenarioFileException(file, "base", "must be an object (a request)");
            }
            JsonNode entries = root.get("scenarios");
            if (!entries.isArray() || entries.isEmpty()) {
                throw new ScenarioFileException(file, "scenarios", "must be a non-empty array");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                String path = "scenarios[" + i + "]";
                JsonNode entry = entries.get(i);
                if (!entry.isObject()) {
                    throw new ScenarioFileException(file, path, "must be an object");
                }
                r.known(entry, path, ENTRY);
                String name = r.requiredText(entry, path, "name");
                if (!names.add(name)) {
                    throw new ScenarioFileException(file, path + ".name", "duplicate scenario name \"" + name + "\"");
                }
                JsonNode request = entry.get("request");
                JsonNode patch = entry.get("patch");
                if (request != null && patch != null) {
                    throw new ScenarioFileException(file, path, "has both request and patch; give one");
                }
                if (request == null) {
                    if (base == null) {
                        throw new ScenarioFileException(file, path, (patch == null ? "has no request" : "has a patch")
                                + " but the file has no base");
                    }
                    request = patch == null ? base.deepCopy() : mergePatch(base.deepCopy(), patch);
                } else if (!request.isObject()) {
                    throw new ScenarioFileException(file, path + ".request", "must be an object");
                } else {
                    request = request.deepCopy();
                }
                scenarios.add(new Scenario(file, suite, name, r.optionalText(entry, path, "description"),
                        withPacks(request, packs), r.expect(entry, path), source));
            }
        } else {
            r.known(root, "", SINGLE);
            String name = r.requiredText(root, "", "name");
            JsonNode request = root.get("request");
            if (request == null || !request.isObject()) {
                throw new ScenarioFileException(file, "request", request == null ? "is required" : "must be an object");
            }
            scenarios.add(new Scenario(file, fileName, name, r.optionalText(root, "", "description"),
                    withPacks(request.deepCopy(), packs), r.expect(root, ""), source));
        }
        return List.copyOf(scenarios);
    }

    private static boolean isYaml(String file) {
        return file.endsWith(".yaml") || file.endsWith(".yml");
    }

    private static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || isYaml(name);
    }

    private static JsonNode yaml(String text, String file) {
        try {
            return YamlTrees.parse(text, file);
        } catch (NoClassDefFoundError e) {
            ScenarioFileException problem = new ScenarioFileException(file, "", "YAML scenario files need "
                    + "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml on the classpath; or write the file as JSON");
            problem.initCause(e);
            throw problem;
        }
    }

    private static JsonNode withPacks(JsonNode request, ArrayNode packs) {
        if (packs != null && request.isObject()) {
            ((ObjectNode) request).set("packs", packs.deepCopy());
        }
        return request;
    }

    /** JSON Merge Patch (RFC 7386): objects merge key by key, null removes, anything else replaces. */
    public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** Strict reading of the scenario-file keys, each problem naming file and path. */
    private record Reader(String file) {

        private static String at(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        void known(JsonNode node, String path, Set<String> known) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new ScenarioFileException(file, at(path, name),
                            "unknown key; allowed: " + String.join(", ", known.stream().sorted().toList()));
                }
            }
        }

        String requiredText(JsonNode node, String path, String name) {
            String text = optionalText(node, path, name);
            if (text == null || text.isBlank()) {
                throw new ScenarioFileException(file, at(path, name), "is required");
            }
            return text;
        }

        String optionalText(JsonNode node, String path, String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw new ScenarioFileException(file, at(path, name), "must be a string");
            }
            return value.textValue();
        }

        ArrayNode optionalPacks(JsonNode root) {
            JsonNode packs = root.get("packs");
            if (packs == null || packs.isNull()) {
                return null;
            }
            if (!packs.isArray()) {
                throw new ScenarioFileException(file, "packs", "must be an array of pack ids");
            }
            return (ArrayNode) packs;
        }

        Set<String> ids(JsonNode expect, String path, String name) {
            JsonNode value = expect.get(name);
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                throw new ScenarioFileException(file, at(path, name), "must be an array of rule ids");
            }
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode id = value.get(i);
                if (!id.isTextual() || id.textValue().isBlank()) {
                    throw new ScenarioFileException(file, at(path, name) + "[" + i + "]", "must be a rule id");
                }
                if (!ids.add(id.textValue())) {
                    throw new ScenarioFileException(file, at(path, name) + "[" + i + "]",
                            "duplicate rule id " + id.textValue());
                }
            }
            return ids;
        }

        Expectation expect(JsonNode scenario, String scenarioPath) {
            String path = at(scenarioPath, "expect");
            JsonNode expect = scenario.get("expect");
            if (expect == null || !expect.isObject()) {
                throw new ScenarioFileException(file, path, expect == null ? "is required" : "must be an object");
            }
            known(expect, path, EXPECT);
            String verdictText = requiredText(expect, path, "verdict");
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(verdictText);
            } catch (IllegalArgumentException e) {
                throw new ScenarioFileException(file, at(path, "verdict"),
                        "must be ALLOW or DENY, was \"" + verdictText + "\"");
            }
            Set<String> rules = ids(expect, path, "rules");
            Set<String> includes = ids(expect, path, "includes");
            Set<String> advisories = ids(expect, path, "advisories");
            boolean checksNext = expect.has("nextPermittedAt");
            Instant next = null;
            JsonNode nextNode = expect.get("nextPermittedAt");
            if (nextNode != null && !nextNode.isNull()) {
                if (!nextNode.isTextual()) {
                    throw new ScenarioFileException(file, at(path, "nextPermittedAt"), "must be an instant or null");
                }
                try {
                    next = OffsetDateTime.parse(nextNode.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    throw new ScenarioFileException(file, at(path, "nextPermittedAt"),
                            "\"" + nextNode.textValue() + "\" is not an ISO-8601 instant with an offset or Z");
                }
            }
            if (verdict == Verdict.ALLOW) {
                if (rules != null && !rules.isEmpty() || includes != null && !includes.isEmpty()) {
                    throw new ScenarioFileException(file, path, "an ALLOW has no denying rules; rules/includes must be empty");
                }
                if (next != null) {
                    throw new ScenarioFileException(file, at(path, "nextPermittedAt"), "is only given with DENY");
                }
            } else if (rules != null && rules.isEmpty()) {
                throw new ScenarioFileException(file, at(path, "rules"), "a DENY has at least one denying rule");
            }
            return new Expectation(verdict, rules, includes, advisories, checksNext, next);
        }
    }
}
