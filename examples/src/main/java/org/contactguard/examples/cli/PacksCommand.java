package org.contactguard.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.contactguard.core.decision.ComplianceEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.contactguard.core.engine.Effect;
import org.contactguard.core.engine.EffectivePeriod;
import org.contactguard.core.engine.PackInfo;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.InvalidInputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code contactguard packs}: the loaded packs with their parameters, rule counts, dated rules and
 * tenants; with {@code --at DATE}, the rules and parameter values in force on that date.
 */
@Command(name = "packs", mixinStandardHelpOptions = true,
        description = "Lists the packs with their effective parameters, rule counts, dated rules and tenants.")
final class PacksCommand implements Callable<Integer> {

    @Option(names = "--at", paramLabel = "DATE",
            description = "List what is in force on this date (YYYY-MM-DD: from local midnight in each pack's zone)"
                    + " or at this instant (ISO-8601, e.g. 2027-03-01T08:00:00Z).")
    private String at;

    @Option(names = "--tenant", paramLabel = "NAME",
            description = "With --at: the values in force for this tenant's overlay.")
    private String tenant;

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
        RuleSet rules = engine.rules();
        if (at != null) {
            return inForce(rules, out);
        }
        for (PackInfo pack : rules.packs()) {
            out.println(pack.id() + "  " + pack.name() + "  (" + pack.rules().size()
                    + (pack.rules().size() == 1 ? " rule" : " rules") + ", " + pack.source()
                    + (pack.prebuilt() ? ", pre-built" : "") + ")");
            if (pack.description() != null && !pack.description().isBlank()) {
                out.println("  " + pack.description());
            }
            pack.parameters().forEach((name, value) -> out.println("  " + name + " = " + show(value)));
            ZoneId zone = rules.zone(pack.id());
            if (zone != null) {
                out.println("  dates start at local midnight in " + zone);
            }
            for (RuleInfo rule : pack.rules()) {
                EffectivePeriod period = rules.effectivePeriod(rule.id());
                if (period != null) {
                    out.println("  " + rule.id() + (period.effective() == null ? "" : " from " + period.effective())
                            + (period.expires() == null ? "" : " until " + period.expires()));
                }
            }
            out.println();
        }
        if (!rules.tenants().isEmpty()) {
            out.println("tenants: " + String.join(", ", rules.tenants()));
        }
        return Contactguard.OK;
    }

    /** What {@code --at} asks: each pack's rules and values in force at that moment (or day, in the pack's zone). */
    private Integer inForce(RuleSet rules, PrintStream out) {
        PrintStream err = root.streams().err();
        Instant moment = null;
        LocalDate day = null;
        try {
            if (at.contains("T")) {
                moment = Instant.parse(at);
            } else {
                day = LocalDate.parse(at);
            }
        } catch (DateTimeParseException e) {
            err.println("contactguard: --at must be a date YYYY-MM-DD or an instant such as 2027-03-01T08:00:00Z, not '"
                    + at + "'");
            return Contactguard.CANNOT_START;
        }
        for (PackInfo listed : rules.packs()) {
            ZoneId zone = rules.zone(listed.id());
            Instant when = moment != null ? moment : day.atStartOfDay(zone == null ? ZoneOffset.UTC : zone).toInstant();
            RuleSet variant;
            try {
                variant = rules.variant(tenant, when);
            } catch (InvalidInputException e) {
                err.println("contactguard: " + e.getMessage());
                return Contactguard.CANNOT_START;
            }
            PackInfo pack = variant.pack(listed.id());
            out.println(pack.id() + "  in force at " + when + (zone == null ? "" : " (" + when.atZone(zone)
                    .toLocalDateTime() + " " + zone + ")") + (tenant == null ? "" : " for tenant " + tenant) + ": "
                    + pack.rules().size() + (pack.rules().size() == 1 ? " rule" : " rules"));
            for (RuleInfo rule : pack.rules()) {
                out.println("  " + rule.id() + (rule.effect() == Effect.ADVISORY ? " (advisory)" : ""));
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
