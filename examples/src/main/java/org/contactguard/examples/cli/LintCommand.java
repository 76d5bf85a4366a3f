package org.contactguard.examples.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.concurrent.Callable;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.RuleLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code contactguard lint}: load the rules and report every problem with file and line. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Loads the rules and prints every problem as file:line: message (exit 1 if any);",
                "when they are clean, prints the rule table: id, citation, pack, file, then each warning",
                "(from collect, from Helper.of(...), eval, static helper calls, '== false' on helper results,",
                "numbers in names or messages) as file:line: warning: ..."})
final class LintCommand implements Callable<Integer> {

    @ParentCommand
    private Contactguard root;

    @Mixin
    private EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintStream out = root.streams().out();
        ComplianceEngine engine;
        try {
            engine = engineOptions.build();
        } catch (EngineOptions.CannotStart e) {
            root.streams().err().println("contactguard: " + e.getMessage());
            return Contactguard.CANNOT_START;
        } catch (RuleLoadException e) {
            e.problems().forEach(out::println);
            out.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            return Contactguard.CHECKS_FAILED;
        }
        Table table = new Table("ID", "CITATION", "PACK", "FILE");
        engine.rules().rules().stream()
                .sorted(Comparator.comparing(RuleInfo::pack).thenComparing(RuleInfo::id))
                .forEach(r -> table.add(r.id(), r.citation(), r.pack(), r.file() + ":" + r.line()));
        table.print(out);
        // Warnings do not fail the lint: they name constructs that work but keep rules from reading like the law.
        engine.rules().warnings().forEach(out::println);
        out.println(engine.rules().rules().size() + " rules in " + engine.rules().packIds().size()
                + (engine.rules().packIds().size() == 1 ? " pack" : " packs") + ", no problems"
                + (engine.rules().warnings().isEmpty() ? "" : ", " + engine.rules().warnings().size() + " warnings")
                + " (rules " + engine.version() + ")");
        return Contactguard.OK;
    }
}
