package org.contactguard.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.PackInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code contactguard packs}: the loaded packs with their parameters and rule counts. */
@Command(name = "packs", mixinStandardHelpOptions = true,
        description = "Lists the packs with their effective parameters and rule counts.")
final class PacksCommand implements Callable<Integer> {

    @ParentCommand
    private Contactguard root;

    @Mixin
    private EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintStream out = root.streams().out();
        Optional<ComplianceEngine> started = engineOptions.buildOrExplain(root.streams().err());
        if (started.isEmpty()) {
            return Contactguard.CANNOT_START;
        }
        ComplianceEngine engine = started.get();
        for (PackInfo pack : engine.rules().packs()) {
            out.println(pack.id() + "  " + pack.name() + "  (" + pack.rules().size()
                    + (pack.rules().size() == 1 ? " rule" : " rules") + ", " + pack.source()
                    + (pack.prebuilt() ? ", pre-built" : "") + ")");
            if (pack.description() != null && !pack.description().isBlank()) {
                out.println("  " + pack.description());
            }
            pack.parameters().forEach((name, value) -> out.println("  " + name + " = " + show(value)));
            out.println();
        }
        return Contactguard.OK;
    }

    /** Durations as pack.properties spells them (7d, 24h, 5m) rather than ISO-8601. */
    private static String show(Object value) {
        if (value instanceof Duration d) {
            if (d.toSeconds() % 86_400 == 0) {
                return d.toDays() + "d";
            }
            if (d.toSeconds() % 3_600 == 0) {
                return d.toHours() + "h";
            }
            if (d.toSeconds() % 60 == 0) {
                return d.toMinutes() + "m";
            }
        }
        return String.valueOf(value);
    }
}
