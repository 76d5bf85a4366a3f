package org.contactguard.core.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where rules and parameters come from. Read again on every reload, so edits to a rules folder
 * or a parameter file take effect on {@code reload()}.
 *
 * @param packs pack ids to load; empty = every pack the source offers
 * @param rulesDirectory a folder of packs (or a single pack folder) on disk; null = the classpath
 * @param parameterFiles files of {@code pack.name = value} overrides, applied in order
 * @param overrides single overrides, applied after the files
 * @param classLoader loads classpath packs and the classes rules refer to
 * @param prebuiltModels whether a pack may start from the executable model generated when it was
 *     packaged (only while that model matches the pack's DRL); false compiles every DRL at start
 * @param tenantFiles tenant overlays given to the builder: files of {@code pack.parameter = value}
 *     lines, by tenant name (besides the {@code tenants/<tenant>.properties} files in pack folders)
 */
public record RuleSources(List<String> packs, Path rulesDirectory, List<Path> parameterFiles,
        List<ParameterOverride> overrides, ClassLoader classLoader, boolean prebuiltModels,
        Map<String, List<Path>> tenantFiles) {

    /** Sources without tenant overlay files. */
    public RuleSources(List<String> packs, Path rulesDirectory, List<Path> parameterFiles,
            List<ParameterOverride> overrides, ClassLoader classLoader, boolean prebuiltModels) {
        this(packs, rulesDirectory, parameterFiles, overrides, classLoader, prebuiltModels, Map.of());
    }

    /** Sources that use pre-built models where they match. */
    public RuleSources(List<String> packs, Path rulesDirectory, List<Path> parameterFiles,
            List<ParameterOverride> overrides, ClassLoader classLoader) {
        this(packs, rulesDirectory, parameterFiles, overrides, classLoader, true);
    }

    public RuleSources {
        packs = List.copyOf(packs);
        parameterFiles = List.copyOf(parameterFiles);
        overrides = List.copyOf(overrides);
        Map<String, List<Path>> copy = new java.util.TreeMap<>();
        (tenantFiles == null ? Map.<String, List<Path>>of() : tenantFiles).forEach((tenant, files) ->
                copy.put(tenant, List.copyOf(files)));
        tenantFiles = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(classLoader, "classLoader");
    }
}
