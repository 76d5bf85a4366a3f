package org.contactguard.examples.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.DecisionListener;
import org.contactguard.core.engine.RuleLoadException;
import picocli.CommandLine.Option;

/** Where the rules come from: shared by every command that loads an engine. */
final class EngineOptions {

    @Option(names = "--pack", paramLabel = "P",
            description = "Load this pack (repeatable); default: every pack the rules offer.")
    List<String> packs = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Read packs from this folder (a folder of pack folders, or one pack) instead of the built-in catalog.")
    Path rules;

    @Option(names = "--params", paramLabel = "FILE",
            description = "Parameter overrides, one 'pack.parameter = value' per line.")
    Path params;

    @Option(names = "--tenant-file", paramLabel = "NAME=FILE",
            description = "A tenant overlay, one 'pack.parameter = value' per line, that may only tighten (repeatable);"
                    + " overlays in a rules folder (<pack>/tenants/<name>.properties) load without this.")
    Map<String, Path> tenantFiles = new LinkedHashMap<>();

    /**
     * Builds the engine.
     *
     * @throws CannotStart when a named folder or file does not exist
     * @throws org.contactguard.core.engine.RuleLoadException when the rules do not load
     */
    ComplianceEngine build(DecisionListener... listeners) {
        ComplianceEngine.Builder builder = ComplianceEngine.builder();
        for (DecisionListener listener : listeners) {
            builder.listener(listener);
        }
        packs.forEach(builder::pack);
        if (rules != null) {
            if (!Files.isDirectory(rules)) {
                throw new CannotStart("no rules folder " + rules);
            }
            builder.rulesDirectory(rules);
        }
        if (params != null) {
            if (!Files.isReadable(params)) {
                throw new CannotStart("cannot read parameter file " + params);
            }
            builder.parameters(params);
        }
        for (Map.Entry<String, Path> tenant : tenantFiles.entrySet()) {
            if (!Files.isReadable(tenant.getValue())) {
                throw new CannotStart("cannot read tenant file " + tenant.getValue());
            }
            builder.tenant(tenant.getKey(), tenant.getValue());
        }
        return builder.build();
    }

    /**
     * Builds the engine, or says on {@code err} why the command cannot start (a missing folder or
     * file, rules that do not load, each problem with file:line) and returns empty.
     */
    Optional<ComplianceEngine> buildOrExplain(PrintStream err, DecisionListener... listeners) {
        try {
            return Optional.of(build(listeners));
        } catch (CannotStart e) {
            err.println("contactguard: " + e.getMessage());
        } catch (RuleLoadException e) {
            err.println("contactguard: the rules do not load");
            e.problems().forEach(p -> err.println("  " + p));
        }
        return Optional.empty();
    }

    /** A reason the command cannot start, said in one line. */
    static final class CannotStart extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotStart(String message) {
            super(message);
        }
    }
}
