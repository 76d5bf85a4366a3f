package org.contactguard.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.contactguard.core.audit.AuditRecord;
import org.contactguard.core.audit.AuditSink;
import org.contactguard.core.decision.Decision;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code contactguard audit}: reads the audit trail that {@code decide --audit} keeps. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Reads the audit trail kept by 'decide --audit'.",
        subcommands = AuditCommand.Show.class)
final class AuditCommand implements Runnable {

    @ParentCommand
    private Contactguard root;

    @Override
    public void run() {
        new CommandLine(this).usage(root.streams().err());
    }

    /** Instants as ISO-8601 ({@code 2027-03-03T20:55:00Z}) or a date (its UTC midnight). */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is neither an instant such as "
                        + "2027-03-03T20:55:00Z nor a date such as 2027-03-03");
            }
        }
    }

    /** {@code contactguard audit show}: one debtor's decisions in a time range, with their reasons. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Shows one debtor's decisions from --from (inclusive) to --to (exclusive), oldest first:",
                    "when each was decided, the contact asked about, the verdict, and every reason with its citation."})
    static final class Show implements Callable<Integer> {

        @ParentCommand
        private AuditCommand audit;

        @Option(names = "--audit", required = true, paramLabel = "DIR|JDBC-URL",
                description = "Where the audit trail is: " + AuditTarget.DESCRIPTION + ".")
        private String target;

        @Option(names = "--debtor", required = true, paramLabel = "ID", description = "The debtor's id.")
        private String debtor;

        @Option(names = "--from", required = true, paramLabel = "INSTANT", converter = InstantConverter.class,
                description = "Decided at or after this moment (2027-03-03T20:00:00Z, or a date: its UTC midnight).")
        private Instant from;

        @Option(names = "--to", required = true, paramLabel = "INSTANT", converter = InstantConverter.class,
                description = "Decided before this moment.")
        private Instant to;

        @Option(names = "--json", description = "Print the records as JSON Lines (with the request and decision).")
        private boolean json;

        @Override
        public Integer call() {
            PrintStream out = audit.root.streams().out();
            PrintStream err = audit.root.streams().err();
            List<AuditRecord> records;
            try (AuditSink sink = AuditTarget.open(target)) {
                records = sink.find(debtor, from, to);
            } catch (IOException e) {
                err.println("contactguard: cannot read the audit trail at " + target + ": " + e.getMessage());
                return Contactguard.CANNOT_START;
            }
            if (json) {
                records.forEach(r -> out.println(r.toJson()));
                return Contactguard.OK;
            }
            if (records.isEmpty()) {
                out.println("No decisions about debtor " + debtor + " from " + from + " to " + to + ".");
                return Contactguard.OK;
            }
            Table table = new Table("DECIDED AT", "REQUEST", "CONTACT AT", "VERDICT", "RULES", "RULE SET");
            for (AuditRecord r : records) {
                Decision d = r.decision();
                table.add(r.decidedAt().toString(), r.requestId() == null ? "-" : r.requestId(),
                        r.actionAt() == null ? "-" : r.actionAt().toString(), d.verdict().name(),
                        d.reasons().isEmpty() ? "-" : String.join(", ", d.ruleIds()), r.ruleSetVersion());
            }
            table.print(out);
            for (AuditRecord r : records) {
                Decision d = r.decision();
                if (d.reasons().isEmpty() && d.advisories().isEmpty()) {
                    continue;
                }
                out.println();
                out.println(r.decidedAt() + "  " + (r.requestId() == null ? "(no id)" : r.requestId()) + "  "
                        + d.verdict() + "  packs " + String.join(",", r.packs()) + "  library " + r.libraryVersion());
                d.reasons().forEach(x -> out.println("    " + x.ruleId() + ": " + x.message() + " [" + x.citation() + "]"));
                d.advisories().forEach(x -> out.println("    advisory " + x.ruleId() + ": " + x.message() + " ["
                        + x.citation() + "]"));
                if (d.nextPermittedAt() != null) {
                    out.println("    next permitted: " + d.nextPermittedAt());
                }
            }
            return Contactguard.OK;
        }
    }
}
