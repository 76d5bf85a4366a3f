package org.contactguard.examples.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code contactguard} command line: decide JSON Lines requests, lint rule packs, run scenario files,
 * list packs. Exit codes: 0 ok, 1 checks failed, 2 cannot start (bad arguments, unreadable input,
 * rules that do not load).
 *
 * <pre>
 * contactguard decide --pretty examples/data/sample-requests.jsonl
 * contactguard decide --pack starter &lt; requests.jsonl &gt; decisions.jsonl
 * contactguard lint --rules my-rules/
 * contactguard scenarios rules-catalog/src/test/resources/scenarios/starter
 * contactguard packs
 * contactguard decide --audit audit/ requests.jsonl
 * contactguard audit show --audit audit/ --debtor D1 --from 2027-03-03T20:00:00Z --to 2027-03-03T21:00:00Z
 * </pre>
 */
@Command(name = "contactguard", mixinStandardHelpOptions = true,
        version = "contactguard (request/decision contract v1)",
        description = "Decides whether proposed debt-collection contacts may happen, with the rule and citation behind it.",
        subcommands = {DecideCommand.class, LintCommand.class, ScenariosCommand.class, PacksCommand.class,
                AuditCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:checks failed (lint problems, failing scenarios)",
                "2:cannot start (bad arguments, unreadable input, rules that do not load)"})
public final class Contactguard implements Runnable {

    /** Everything worked. */
    static final int OK = 0;
    /** A check failed: lint found problems, or a scenario failed. */
    static final int CHECKS_FAILED = 1;
    /** Nothing could be checked: bad arguments, unreadable input, rules that do not load. */
    static final int CANNOT_START = 2;

    private final Streams streams;

    Contactguard(Streams streams) {
        this.streams = streams;
    }

    /** Standard input, output and error, passed in so that tests can run commands in-process. */
    record Streams(InputStream in, PrintStream out, PrintStream err) {
        Streams {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(err, "err");
        }
    }

    Streams streams() {
        return streams;
    }

    @Override
    public void run() {
        // No subcommand: say what there is.
        new CommandLine(this).usage(streams.err());
    }

    public static void main(String[] args) {
        // Buffered: decide writes a line per request, and a system call per line would dominate.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(new Streams(System.in, out, err), args);
        out.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code. */
    static int run(Streams streams, String... args) {
        CommandLine cli = new CommandLine(new Contactguard(streams));
        cli.setOut(new PrintWriter(streams.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(streams.err(), true, StandardCharsets.UTF_8));
        cli.setExitCodeExceptionMapper(e -> CANNOT_START);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            // A bug, not bad input: say so, with the trace, rather than a bare stack dump.
            streams.err().println("contactguard: internal error: " + e);
            e.printStackTrace(streams.err());
            return CANNOT_START;
        });
        int code = cli.execute(args);
        streams.out().flush();
        return code;
    }
}
