package org.contactguard.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@link RuleSources} and compiles them into a {@link RuleSet}. */
public final class RuleSetLoader {

    private RuleSetLoader() {
    }

    /**
     * Loads and compiles the packs {@code sources} name.
     *
     * @throws RuleLoadException listing every problem, each with file and line
     */
    public static RuleSet load(RuleSources sources) {
        return load(sources, Map.of()).rules();
    }

    /**
     * What one load read: the compiled rules and the {@code pack.parameter} keys each parameter file
     * held, so that the next reload can tell a file that lost keys.
     *
     * @param rules the compiled rules
     * @param parameterKeys the keys each of the sources' parameter files set, by file
     */
    public record Loaded(RuleSet rules, Map<Path, Set<String>> parameterKeys) {

        public Loaded {
            Map<Path, Set<String>> copy = new LinkedHashMap<>();
            parameterKeys.forEach((file, keys) -> copy.put(file, Collections.unmodifiableSet(new TreeSet<>(keys))));
            parameterKeys = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * Loads and compiles the packs {@code sources} name, refusing a parameter file that lost keys
     * it held at the previous load ({@code previousKeys}; empty for a first load).
     *
     * <p>A parameter file read while it is being rewritten can come out empty or cut short; loading
     * it would silently put the packs' own, possibly looser, values back in force. So a key that
     * disappears is a load problem naming the file, unless the caller removed it on purpose and says
     * so by passing no previous keys for that file.
     *
     * @throws RuleLoadException listing every problem, each with file and line
     */
    public static Loaded load(RuleSources sources, Map<Path, Set<String>> previousKeys) {
        List<RuleProblem> problems = new ArrayList<>();
        List<PackFiles> packs;
        try {
            packs = sources.rulesDirectory() != null ? fromDirectory(sources, problems) : fromClasspath(sources, problems);
        } catch (UncheckedIOException e) {
            throw new RuleLoadException(new RuleProblem("(rules)", 0, "cannot read: " + e.getMessage()), e);
        }
        List<ParameterOverride> overrides = new ArrayList<>();
        Map<Path, Set<String>> keys = new LinkedHashMap<>();
        for (Path file : sources.parameterFiles()) {
            List<ParameterOverride> read = readParameterFile(file, problems);
            Set<String> held = new TreeSet<>();
            read.forEach(override -> held.add(override.pack() + "." + override.name()));
            keys.put(file, held);
            Set<String> lost = new TreeSet<>(previousKeys.getOrDefault(file, Set.of()));
            lost.removeAll(held);
            if (!lost.isEmpty()) {
                problems.add(new RuleProblem(file.toString(), 0, (held.isEmpty() ? "is empty" : "lost")
                        + " the parameters " + lost + " that it set at the previous load; refusing to fall back to"
                        + " the packs' own values (if they were removed on purpose, reload with"
                        + " ACCEPT_REMOVED_PARAMETERS)"));
            }
            overrides.addAll(read);
        }
        overrides.addAll(sources.overrides());
        List<TenantOverlay.Entry> tenants = new ArrayList<>(TenantOverlay.fromPacks(packs, problems));
        tenants.addAll(TenantOverlay.fromFiles(sources.tenantFiles(), problems));
        // A tenant file read half-written would put the packs' looser values back in force for that
        // tenant: the same lost-keys check as for parameter files.
        Map<Path, Set<String>> tenantKeys = new LinkedHashMap<>();
        packs.forEach(pack -> pack.tenants().forEach(file -> tenantKeys.put(Path.of(file.path()), new TreeSet<>())));
        sources.tenantFiles().values().forEach(files -> files.forEach(file -> tenantKeys.put(file, new TreeSet<>())));
        tenants.forEach(entry -> tenantKeys.computeIfAbsent(Path.of(entry.file()), f -> new TreeSet<>())
                .add(entry.pack() + "." + entry.key()));
        tenantKeys.forEach((file, held) -> {
            Set<String> lost = new TreeSet<>(previousKeys.getOrDefault(file, Set.of()));
            lost.removeAll(held);
            if (!lost.isEmpty()) {
                problems.add(new RuleProblem(file.toString(), 0, (held.isEmpty() ? "is empty and" : "")
                        + " lost the tenant values " + lost + " that it set at"
                        + " the previous load; refusing to fall back to the packs' own values (if they were removed on"
                        + " purpose, reload with ACCEPT_REMOVED_PARAMETERS)"));
            }
            keys.put(file, held);
        });
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        return new Loaded(RuleSetCompiler.compile(packs, overrides, sources.classLoader(), sources.packs().isEmpty(),
                sources.prebuiltModels(), tenants, tenantNames(packs, sources)), keys);
    }

    /** Every tenant a file names, with or without lines in it: an empty overlay is still the tenant's. */
    private static Set<String> tenantNames(List<PackFiles> packs, RuleSources sources) {
        Set<String> names = new TreeSet<>(sources.tenantFiles().keySet());
        packs.forEach(pack -> pack.tenants().forEach(file -> names.add(file.tenant())));
        return names;
    }

    private static List<PackFiles> fromClasspath(RuleSources sources, List<RuleProblem> problems) {
        List<String> ids = sources.packs().isEmpty() ? PackReader.catalogPacks(sources.classLoader()) : sources.packs();
        if (ids.isEmpty()) {
            problems.add(new RuleProblem(PackReader.CATALOG_INDEX, 0,
                    "no pack named and no catalog on the classpath (add rules-catalog, or name packs)"));
        }
        List<PackFiles> packs = new ArrayList<>();
        for (String id : ids) {
            PackFiles pack = PackReader.fromClasspath(sources.classLoader(), id, problems);
            if (pack != null) {
                packs.add(pack);
            }
        }
        return packs;
    }

    private static List<PackFiles> fromDirectory(RuleSources sources, List<RuleProblem> problems) {
        List<PackFiles> all = PackReader.fromDirectory(sources.rulesDirectory(), problems);
        if (sources.packs().isEmpty()) {
            return all;
        }
        Set<String> available = new TreeSet<>();
        all.forEach(pack -> available.add(pack.id()));
        for (String id : sources.packs()) {
            if (!available.contains(id)) {
                problems.add(new RuleProblem(sources.rulesDirectory().toString(), 0, "no pack '" + id
                        + "' in this folder (found: " + available + ")"));
            }
        }
        return all.stream().filter(pack -> sources.packs().contains(pack.id())).toList();
    }

    /** Reads {@code pack.parameter = value} lines; the pack id is everything before the first dot. */
    static List<ParameterOverride> readParameterFile(Path file, List<RuleProblem> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new RuleProblem(file.toString(), 0, "cannot read: " + e.getMessage()));
            return List.of();
        }
        List<ParameterOverride> overrides = new ArrayList<>();
        for (PropertiesFile.Entry entry : PropertiesFile.parse(file.toString(), text, problems).entries()) {
            int dot = entry.key().indexOf('.');
            if (dot <= 0 || dot == entry.key().length() - 1) {
                problems.add(new RuleProblem(file.toString(), entry.line(), "'" + entry.key()
                        + "' must be written pack.parameter, e.g. starter.callCap"));
            } else {
                overrides.add(new ParameterOverride(entry.key().substring(0, dot), entry.key().substring(dot + 1),
                        entry.value(), file.toString(), entry.line()));
            }
        }
        return overrides;
    }

}
