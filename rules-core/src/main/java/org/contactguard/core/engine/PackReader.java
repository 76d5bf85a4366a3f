package org.contactguard.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads rule packs from the classpath ({@code rules/<pack>/}) or from a folder on disk.
 *
 * <p>Files are listed explicitly in {@code pack.rules} rather than discovered by scanning the
 * classpath, because directory scanning inside nested jars (Spring Boot) is unreliable; a folder
 * on disk is scanned too, and a DRL file there that {@code pack.rules} does not list is an error,
 * so an edit is never silently ignored.
 */
final class PackReader {

    /** Lists the packs a jar ships, one id per line; every copy on the classpath is read. */
    static final String CATALOG_INDEX = "rules/packs.txt";
    static final String PROPERTIES = "pack.properties";
    static final String RULES_KEY = "pack.rules";
    /** The folder beside a pack's files that holds its tenant overlays. */
    static final String TENANTS = "tenants";

    private static final Pattern PACK_ID = Pattern.compile("[a-z][a-z0-9-]*");

    private PackReader() {
    }

    /** Pack ids listed by every {@value #CATALOG_INDEX} on the classpath, in order, without repeats. */
    static List<String> catalogPacks(ClassLoader loader) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(CATALOG_INDEX);
            while (indexes.hasMoreElements()) {
                URL url = indexes.nextElement();
                for (String line : read(url).split("\r?\n")) {
                    String id = line.strip();
                    if (!id.isEmpty() && !id.startsWith("#")) {
                        ids.add(id);
                    }
                }
            }
        } catch (IOException e) {
            throw new RuleLoadException(new RuleProblem(CATALOG_INDEX, 0, "cannot read: " + e.getMessage()), e);
        }
        return List.copyOf(ids);
    }

    /** Reads pack {@code id} from {@code rules/<id>/} on the classpath. */
    static PackFiles fromClasspath(ClassLoader loader, String id, List<RuleProblem> problems) {
        String base = "rules/" + id + "/";
        String propertiesPath = base + PROPERTIES;
        if (!PACK_ID.matcher(id).matches()) {
            problems.add(new RuleProblem(propertiesPath, 0, "pack id '" + id
                    + "' must be lower-case letters, digits and '-', starting with a letter"));
            return null;
        }
        String properties = resource(loader, propertiesPath);
        if (properties == null) {
            problems.add(new RuleProblem(propertiesPath, 0, "no pack '" + id + "' on the classpath"));
            return null;
        }
        List<PackFiles.DrlFile> drls = new ArrayList<>();
        for (String name : listedRules(propertiesPath, properties, problems)) {
            String text = resource(loader, base + name);
            if (text == null) {
                problems.add(new RuleProblem(propertiesPath, lineOf(properties, RULES_KEY),
                        "lists '" + name + "', which is not on the classpath"));
            } else {
                drls.add(new PackFiles.DrlFile(base + name, text));
            }
        }
        return new PackFiles(id, propertiesPath, properties, drls, TermListFiles.classpathFolder(loader, base));
    }

    /**
     * The packs in {@code root}: the folder itself when it holds a {@code pack.properties},
     * otherwise every sub-folder that does, in name order.
     */
    static List<PackFiles> fromDirectory(Path root, List<RuleProblem> problems) {
        if (!Files.isDirectory(root)) {
            problems.add(new RuleProblem(root.toString(), 0, "is not a folder"));
            return List.of();
        }
        if (Files.isRegularFile(root.resolve(PROPERTIES))) {
            PackFiles pack = fromPackFolder(root, problems);
            return pack == null ? List.of() : List.of(pack);
        }
        List<PackFiles> packs = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path folder : children.filter(p -> Files.isRegularFile(p.resolve(PROPERTIES))).sorted().toList()) {
                PackFiles pack = fromPackFolder(folder, problems);
                if (pack != null) {
                    packs.add(pack);
                }
            }
        } catch (IOException e) {
            problems.add(new RuleProblem(root.toString(), 0, "cannot list: " + e.getMessage()));
        }
        if (packs.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem(root.toString(), 0, "holds no pack (no " + PROPERTIES
                    + " in it or in any sub-folder)"));
        }
        return packs;
    }

    private static PackFiles fromPackFolder(Path folder, List<RuleProblem> problems) {
        String id = folder.getFileName().toString();
        Path propertiesFile = folder.resolve(PROPERTIES);
        if (!PACK_ID.matcher(id).matches()) {
            problems.add(new RuleProblem(propertiesFile.toString(), 0, "pack folder '" + id
                    + "' must be named with lower-case letters, digits and '-', starting with a letter"));
            return null;
        }
        try {
            String properties = Files.readString(propertiesFile, StandardCharsets.UTF_8);
            List<String> listed = listedRules(propertiesFile.toString(), properties, problems);
            Set<String> present = new TreeSet<>();
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).forEach(present::add);
            }
            for (String name : present) {
                if (!listed.contains(name)) {
                    problems.add(new RuleProblem(folder.resolve(name).toString(), 0,
                            "is not listed in " + RULES_KEY + " of " + propertiesFile + "; list it or remove it"));
                }
            }
            List<PackFiles.DrlFile> drls = new ArrayList<>();
            for (String name : listed) {
                Path file = folder.resolve(name);
                if (!Files.isRegularFile(file)) {
                    problems.add(new RuleProblem(propertiesFile.toString(), lineOf(properties, RULES_KEY),
                            "lists '" + name + "', which does not exist in " + folder));
                } else {
                    drls.add(new PackFiles.DrlFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
            return new PackFiles(id, propertiesFile.toString(), properties, drls, TermListFiles.diskFolder(folder),
                    tenantFiles(folder, problems));
        } catch (IOException e) {
            problems.add(new RuleProblem(folder.toString(), 0, "cannot read: " + e.getMessage()));
            return null;
        }
    }

    /** The folder's {@code tenants/<tenant>.properties} overlays, in name order; none without such a folder. */
    private static List<PackFiles.TenantFile> tenantFiles(Path folder, List<RuleProblem> problems) throws IOException {
        Path tenants = folder.resolve(TENANTS);
        if (!Files.isDirectory(tenants)) {
            return List.of();
        }
        List<PackFiles.TenantFile> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(tenants)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".properties")) {
                    // A stray file here is probably an overlay saved under the wrong name: never ignore it silently.
                    problems.add(new RuleProblem(file.toString(), 0, "is not a tenant overlay (expected"
                            + " <tenant>.properties); rename or remove it"));
                    continue;
                }
                String tenant = name.substring(0, name.length() - ".properties".length());
                if (!TenantOverlay.NAME.matcher(tenant).matches()) {
                    problems.add(new RuleProblem(file.toString(), 0, "tenant name '" + tenant + "' must be letters,"
                            + " digits, '.', '_' and '-', starting with a letter or digit"));
                    continue;
                }
                found.add(new PackFiles.TenantFile(tenant, file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return found;
    }

    private static List<String> listedRules(String path, String properties, List<RuleProblem> problems) {
        PropertiesFile parsed = PropertiesFile.parse(path, properties, new ArrayList<>());
        PropertiesFile.Entry entry = parsed.get(RULES_KEY);
        if (entry == null || entry.value().isBlank()) {
            problems.add(new RuleProblem(path, 0, "'" + RULES_KEY + "' must list the pack's DRL files"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : entry.value().split(",")) {
            String name = part.strip();
            if (!name.endsWith(".drl") || name.contains("/") || name.contains("\\")) {
                problems.add(new RuleProblem(path, entry.line(), "'" + name
                        + "' is not a DRL file name in this folder (expected name.drl)"));
            } else if (names.contains(name)) {
                problems.add(new RuleProblem(path, entry.line(), "lists '" + name + "' twice"));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static int lineOf(String properties, String key) {
        PropertiesFile.Entry entry = PropertiesFile.parse("", properties, new ArrayList<>()).get(key);
        return entry == null ? 0 : entry.line();
    }

    private static String resource(ClassLoader loader, String path) {
        URL url = loader.getResource(path);
        if (url == null) {
            return null;
        }
        try {
            return read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
