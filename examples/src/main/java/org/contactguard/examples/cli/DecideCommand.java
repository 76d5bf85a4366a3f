package org.contactguard.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.contactguard.core.audit.AuditTrail;
import org.contactguard.core.audit.FullQueuePolicy;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.ledger.JdbcContactLedger;
import org.contactguard.core.ledger.LedgerUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code contactguard decide}: JSON Lines requests in, JSON Lines decisions out, one for one, in order. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Decides JSON Lines requests (contract v1): one decision line per request line, in order.",
                "A line that breaks the contract is answered DENY with one INPUT-INVALID reason naming the field."})
final class DecideCommand implements Callable<Integer> {

    /** Lines decided together; a batch API can take a whole chunk at once. */
    static final int CHUNK = 1_000;
    /** Progress is reported to standard error every this many lines. */
    static final int PROGRESS_EVERY = 10_000;

    @ParentCommand
    private Contactguard root;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--pretty", description = "Print a table for people (verdict, rule ids, messages) instead of JSON Lines.")
    private boolean pretty;

    @Option(names = {"-q", "--quiet"}, description = "No progress or throughput summary on standard error.")
    private boolean quiet;

    @Option(names = "--ledger", paramLabel = "JDBC-URL", description = {
            "Decide against a contact ledger and record each allowed request in it as a reserved attempt:",
            "jdbc:h2:file:PATH (embedded) or jdbc:postgresql://HOST:PORT/DB?user=U&password=P.",
            "The requests' own history is then ignored; the ledger's is used."})
    private String ledger;

    @Option(names = "--audit", paramLabel = "DIR|JDBC-URL", description = {
            "Keep an audit record of every decision: " + AuditTarget.DESCRIPTION + ".",
            "With --ledger and the same JDBC URL, each record is committed with the ledger's transaction."})
    private String audit;

    @Option(names = "--audit-when-full", paramLabel = "POLICY", defaultValue = "WAIT",
            description = "When the audit queue is full: WAIT for room (default) or DENY with AUDIT-UNAVAILABLE.")
    private FullQueuePolicy auditWhenFull;

    @Option(names = "--max-clock-skew", paramLabel = "DURATION", description = {
            "With --ledger: how far a request's action.at may lie from the ledger database's clock,",
            "as ISO-8601 (default PT5M); replaying recorded requests needs more, e.g. P3650D."})
    private Duration maxClockSkew;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "JSON Lines requests; '-' or none: standard input.")
    private String input;

    @Override
    public Integer call() {
        PrintStream err = root.streams().err();
        BufferedReader reader;
        try {
            reader = open();
        } catch (IOException e) {
            err.println("contactguard: cannot read " + input + ": " + e.getMessage());
            return Contactguard.CANNOT_START;
        }
        AuditTrail trail = null;
        if (audit != null) {
            try {
                trail = AuditTrail.builder(AuditTarget.open(audit)).whenFull(auditWhenFull).build();
            } catch (IOException e) {
                err.println("contactguard: cannot open the audit trail at " + audit + ": " + e.getMessage());
                close(reader, err);
                return Contactguard.CANNOT_START;
            }
        }
        Optional<ComplianceEngine> started = trail == null ? engineOptions.buildOrExplain(err)
                : engineOptions.buildOrExplain(err, trail);
        int code = started.isEmpty() ? Contactguard.CANNOT_START : decide(started.get(), reader, err);
        if (trail != null) {
            try {
                trail.close();
            } catch (IllegalStateException e) {
                // Decisions were printed whose records are not kept: that must fail the run.
                err.println("contactguard: " + e.getMessage());
                return Contactguard.CANNOT_START;
            }
        }
        return code;
    }

    private int decide(ComplianceEngine engine, BufferedReader reader, PrintStream err) {
        if (ledger != null) {
            return decideWithLedger(engine, reader, err);
        }
        try (reader) {
            return decideAll(lines -> decideBatch(engine, lines), reader);
        } catch (IOException | UncheckedIOException e) {
            err.println("contactguard: reading " + (input == null ? "-" : input) + " failed: " + e.getMessage());
            return Contactguard.CANNOT_START;
        }
    }

    /** Closes the input when the command cannot start; a failure to close it is said, not thrown. */
    private void close(BufferedReader reader, PrintStream err) {
        try {
            reader.close();
        } catch (IOException e) {
            err.println("contactguard: closing " + (input == null ? "-" : input) + " failed: " + e.getMessage());
        }
    }

    /** Each valid request is decided and, if allowed, recorded by the ledger in one step. */
    private int decideWithLedger(ComplianceEngine engine, BufferedReader reader, PrintStream err) {
        JdbcContactLedger opened;
        try {
            JdbcContactLedger.Builder builder = JdbcContactLedger.builder(engine).url(ledger);
            if (maxClockSkew != null) {
                builder.maxClockSkew(maxClockSkew);
            }
            opened = builder.build();
        } catch (LedgerUnavailableException | IllegalStateException | IllegalArgumentException e) {
            err.println("contactguard: " + e.getMessage());
            return Contactguard.CANNOT_START;
        }
        try (JdbcContactLedger contacts = opened; reader) {
            return decideAll(lines -> oneByOne(lines, line -> {
                DecisionJson.ReadResult read = DecisionJson.readRequest(line);
                return read.isValid() ? contacts.decideAndRecord(read.request()).decision()
                        : unreadable(engine, read);
            }), reader);
        } catch (IOException | UncheckedIOException e) {
            err.println("contactguard: reading " + (input == null ? "-" : input) + " failed: " + e.getMessage());
            return Contactguard.CANNOT_START;
        }
    }

    private BufferedReader open() throws IOException {
        if (input == null || input.equals("-")) {
            return new BufferedReader(new InputStreamReader(root.streams().in(), StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    private int decideAll(Function<List<String>, List<Decision>> decider, BufferedReader reader) throws IOException {
        PrintStream out = root.streams().out();
        PrintStream err = root.streams().err();
        long start = System.nanoTime();
        Counts counts = new Counts();
        List<Decision> forTable = new ArrayList<>();
        List<String> chunk = new ArrayList<>(CHUNK);
        String line;
        boolean first = true;
        while ((line = reader.readLine()) != null) {
            if (first && line.startsWith("\uFEFF")) {
                // A byte-order mark some Windows editors write: not part of the first request.
                line = line.substring(1);
            }
            first = false;
            chunk.add(line);
            // A full chunk, or nothing more waiting: answer now, so a caller that writes one request and
            // waits for its decision (a pipe to another process) is never left waiting for more input.
            if (chunk.size() == CHUNK || !reader.ready()) {
                emit(decider.apply(chunk), out, forTable, counts, err, start);
                chunk.clear();
                out.flush();
            }
        }
        emit(decider.apply(chunk), out, forTable, counts, err, start);
        if (pretty) {
            printTable(forTable, out);
        }
        out.flush();
        if (!quiet) {
            double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
            err.printf(Locale.ROOT, "contactguard: %,d decisions in %.2f s (%,.0f decisions/s): %,d ALLOW, %,d DENY"
                    + " (%,d INPUT-INVALID)%n", counts.total, seconds, counts.total / seconds, counts.allowed,
                    counts.total - counts.allowed, counts.invalid);
        }
        return Contactguard.OK;
    }

    /** Decides a chunk of lines one line at a time, one decision per line in order. */
    private static List<Decision> oneByOne(List<String> lines, Function<String, Decision> decider) {
        List<Decision> decisions = new ArrayList<>(lines.size());
        for (String line : lines) {
            decisions.add(decider.apply(line));
        }
        return decisions;
    }

    /**
     * Decides a chunk of lines, one decision per line in order: the readable requests in one
     * {@link ComplianceEngine#decideAll} batch (one session for the chunk), the unreadable ones
     * denied with {@code INPUT-INVALID} in their place.
     */
    private static List<Decision> decideBatch(ComplianceEngine engine, List<String> lines) {
        List<DecisionJson.ReadResult> read = new ArrayList<>(lines.size());
        List<DecisionRequest> valid = new ArrayList<>(lines.size());
        for (String line : lines) {
            DecisionJson.ReadResult result = DecisionJson.readRequest(line);
            read.add(result);
            if (result.isValid()) {
                valid.add(result.request());
            }
        }
        List<Decision> decided = engine.decideAll(valid);
        List<Decision> decisions = new ArrayList<>(lines.size());
        int next = 0;
        for (DecisionJson.ReadResult result : read) {
            decisions.add(result.isValid() ? decided.get(next++) : unreadable(engine, result));
        }
        return decisions;
    }

    /** The INPUT-INVALID answer to a line that is not a request, told to the engine's listeners (the audit trail). */
    private static Decision unreadable(ComplianceEngine engine, DecisionJson.ReadResult read) {
        return engine.report(null, read.invalidDecision(engine.version()), Duration.ZERO);
    }

    private static final class Counts {
        long total;
        long allowed;
        long invalid;
    }

    private void emit(List<Decision> decisions, PrintStream out, List<Decision> forTable, Counts counts,
            PrintStream err, long start) {
        for (Decision decision : decisions) {
            if (pretty) {
                forTable.add(decision);
            } else {
                out.println(DecisionJson.writeDecision(decision));
            }
            counts.total++;
            if (decision.isAllowed()) {
                counts.allowed++;
            } else if (decision.ruleIds().contains(Reason.INPUT_INVALID)) {
                counts.invalid++;
            }
            if (!quiet && counts.total % PROGRESS_EVERY == 0) {
                double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
                err.printf(Locale.ROOT, "contactguard: %,d decided (%,.0f decisions/s)%n", counts.total,
                        counts.total / seconds);
            }
        }
    }

    private static void printTable(List<Decision> decisions, PrintStream out) {
        Table table = new Table("LINE", "ID", "VERDICT", "NEXT PERMITTED", "RULES");
        List<List<String>> details = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            table.add(String.valueOf(i + 1), d.id() == null ? "-" : d.id(), d.verdict().name(),
                    d.nextPermittedAt() == null ? "-" : d.nextPermittedAt().toString(),
                    d.reasons().isEmpty() ? "-" : String.join(", ", d.ruleIds()));
            List<String> lines = new ArrayList<>();
            d.reasons().forEach(r -> lines.add(r.ruleId() + ": " + r.message() + " [" + r.citation() + "]"));
            d.advisories().forEach(r -> lines.add("advisory " + r.ruleId() + ": " + r.message() + " [" + r.citation() + "]"));
            details.add(lines);
        }
        table.print(out);
        out.println();
        for (int i = 0; i < decisions.size(); i++) {
            if (!details.get(i).isEmpty()) {
                Decision d = decisions.get(i);
                out.println("#" + (i + 1) + "  " + (d.id() == null ? "(no id)" : d.id()) + "  " + d.verdict());
                out.println(details.get(i).stream().map(s -> "    " + s).collect(Collectors.joining("\n")));
            }
        }
    }
}
