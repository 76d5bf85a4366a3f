package org.contactguard.examples.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.testkit.ScenarioFileException;
import org.contactguard.core.testkit.ScenarioFiles;
import org.contactguard.core.testkit.ScenarioReport;
import org.contactguard.core.testkit.ScenarioResult;
import org.contactguard.core.testkit.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code contactguard scenarios}: run scenario files, the same runner as the JUnit test-kit. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"Runs scenario files (.json; folders are searched recursively) and prints PASS or FAIL per",
                "scenario with the differences; exit 1 on any failure. Warns about rules no scenario made fire."})
final class ScenariosCommand implements Callable<Integer> {

    @ParentCommand
    private Contactguard root;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = {"-v", "--verbose"}, description = "For each failure, also print the request, expected and actual as JSON.")
    private boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Scenario files or folders of them.")
    private List<Path> locations = new ArrayList<>();

    @Override
    public Integer call() {
        PrintStream out = root.streams().out();
        PrintStream err = root.streams().err();
        List<ScenarioFiles.FileScenarios> files = new ArrayList<>();
        for (Path location : locations) {
            if (!Files.exists(location)) {
                err.println("contactguard: no such file or folder " + location);
                return Contactguard.CANNOT_START;
            }
            try {
                files.addAll(ScenarioFiles.loadPath(location, location.toString()));
            } catch (UncheckedIOException e) {
                err.println("contactguard: " + e.getMessage() + ": " + e.getCause().getMessage());
                return Contactguard.CANNOT_START;
            }
        }
        if (files.isEmpty()) {
            err.println("contactguard: no scenario files (*.json) in " + locations);
            return Contactguard.CANNOT_START;
        }
        Optional<ComplianceEngine> started = engineOptions.buildOrExplain(err);
        if (started.isEmpty()) {
            return Contactguard.CANNOT_START;
        }
        ComplianceEngine engine = started.get();
        ScenarioReport report = new ScenarioRunner(engine).run(files);
        print(report, out);
        if (!report.unfiredRules().isEmpty()) {
            err.println("warning: no scenario made " + report.unfiredRules().size()
                    + (report.unfiredRules().size() == 1 ? " rule" : " rules") + " fire (packs "
                    + String.join(", ", report.packsUsed().stream().sorted().toList()) + "):");
            for (RuleInfo rule : report.unfiredRules()) {
                err.println("  " + rule.id() + "  " + rule.file() + ":" + rule.line());
            }
        }
        return report.passed() ? Contactguard.OK : Contactguard.CHECKS_FAILED;
    }

    private void print(ScenarioReport report, PrintStream out) {
        String file = null;
        for (ScenarioResult result : report.results()) {
            if (!result.scenario().file().equals(file)) {
                file = result.scenario().file();
                out.println(file + " (" + result.scenario().suite() + ")");
            }
            out.println("  " + (result.passed() ? "PASS" : "FAIL") + "  " + result.scenario().name());
            result.mismatches().forEach(m -> out.println("        " + m));
            if (verbose && !result.passed()) {
                result.describe().lines().skip(1 + result.mismatches().size()).forEach(l -> out.println("        " + l));
            }
        }
        for (ScenarioFileException problem : report.unreadable()) {
            out.println("ERROR " + problem.getMessage());
        }
        long failed = report.failures().size();
        out.println(report.results().size() + " scenarios: " + (report.results().size() - failed) + " passed, "
                + failed + " failed" + (report.unreadable().isEmpty() ? ""
                : ", " + report.unreadable().size() + " unreadable " + (report.unreadable().size() == 1 ? "file" : "files")));
    }
}
