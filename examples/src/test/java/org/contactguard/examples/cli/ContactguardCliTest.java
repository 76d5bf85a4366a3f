package org.contactguard.examples.cli;

import static org.contactguard.examples.cli.CliFixtures.SAMPLES;
import static org.contactguard.examples.cli.CliFixtures.STARTER_SCENARIOS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.json.DecisionJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process on real files: output, error output and exit codes. */
class ContactguardCliTest {

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run withInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Contactguard.run(new Contactguard.Streams(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return withInput("", args);
    }

    @Test
    void decideWritesOneDecisionLinePerRequestLineInOrder() throws IOException {
        Run run = run("decide", SAMPLES.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> requests = Files.readAllLines(SAMPLES);
        assertEquals(requests.size(), run.outLines().size());
        for (int i = 0; i < requests.size(); i++) {
            Decision decision = DecisionJson.readDecision(run.outLines().get(i));
            assertEquals(DecisionJson.parseRequest(requests.get(i)).id(), decision.id());
        }
        assertTrue(run.err().matches("(?s)contactguard: 20 decisions in [0-9.]+ s \\([0-9,]+ decisions/s\\): "
                + "7 ALLOW, 13 DENY \\(1 INPUT-INVALID\\)\\R"), run.err());
    }

    @Test
    void decideReadsStandardInputAndAnswersBrokenLinesWithInputInvalid() throws IOException {
        String first = Files.readAllLines(SAMPLES).get(0);
        String stdin = first + "\n{\"id\":\"bad-1\",\"action\":\n\n" + first.replace("\"CALL\"", "\"FAX\"") + "\n";
        Run run = withInput(stdin, "decide", "--quiet", "-");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        List<Decision> decisions = run.outLines().stream().map(DecisionJson::readDecision).toList();
        assertEquals(4, decisions.size());
        assertEquals(Verdict.ALLOW, decisions.get(0).verdict());
        assertEquals("bad-1", decisions.get(1).id());
        assertTrue(decisions.get(1).reasons().get(0).message().contains("malformed JSON"));
        assertEquals("request: is empty", decisions.get(2).reasons().get(0).message());
        assertTrue(decisions.get(3).reasons().get(0).message().startsWith("action.channel: unknown constant \"FAX\""));
    }

    /** A caller that writes one request and waits for its decision before writing the next must get it. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // guards against a hang only; nothing here is timed
    void eachDecisionIsWrittenAsSoonAsItsLineIsInWhenNoMoreIsWaiting() throws Exception {
        PipedOutputStream requests = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(requests);
        PipedInputStream decisions = new PipedInputStream(1 << 16);
        PrintStream stdout = new PrintStream(new PipedOutputStream(decisions), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] exit = new int[1];
        Thread cli = new Thread(() -> {
            exit[0] = Contactguard.run(new Contactguard.Streams(stdin, stdout,
                    new PrintStream(err, true, StandardCharsets.UTF_8)), "decide", "-q");
            stdout.close();
        });
        cli.start();
        BufferedReader answers = new BufferedReader(new InputStreamReader(decisions, StandardCharsets.UTF_8));
        List<String> samples = Files.readAllLines(SAMPLES);
        for (int i = 0; i < 3; i++) {
            requests.write((samples.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
            // Blocks until the decision arrives: the request stream is still open.
            assertEquals(DecisionJson.parseRequest(samples.get(i)).id(), DecisionJson.readDecision(answers.readLine()).id());
        }
        requests.close();
        assertEquals(null, answers.readLine());
        cli.join();
        assertEquals(0, exit[0], err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void prettyPrintsATableWithVerdictRuleIdsAndMessages() {
        Run run = run("decide", "--pretty", "--quiet", SAMPLES.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("LINE  ID "), run.out());
        assertTrue(run.out().contains("s02-call-at-0759-local-one-minute-early                       DENY     "
                + "2026-03-10T12:00:00Z  STARTER-HOURS-01"), run.out());
        assertTrue(run.out().contains("    STARTER-CEASE-01: The debtor asked the collector to cease communication"
                + " [12 CFR 1006.6(c)(1); 15 U.S.C. 1692c(c)]"), run.out());
        assertTrue(run.out().contains("    INPUT-INVALID: debtor.timeZones: is empty"), run.out());
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreRead() throws IOException {
        List<String> samples = Files.readAllLines(SAMPLES);
        Run run = withInput("\uFEFF" + samples.get(0) + "\r\n" + samples.get(1) + "\r\n", "decide", "-q");
        List<Decision> decisions = run.outLines().stream().map(DecisionJson::readDecision).toList();
        assertEquals(Verdict.ALLOW, decisions.get(0).verdict());
        assertEquals(List.of("STARTER-HOURS-01"), decisions.get(1).ruleIds());
    }

    @Test
    void parametersFromAFileChangeTheDecision(@TempDir Path dir) throws IOException {
        Path params = Files.writeString(dir.resolve("deployment.properties"), "starter.hoursStart = 07:00\n");
        String earlyCall = Files.readAllLines(SAMPLES).get(1);
        Run run = withInput(earlyCall, "decide", "-q", "--params", params.toString());
        assertEquals(Verdict.ALLOW, DecisionJson.readDecision(run.out().strip()).verdict(), run.err());
    }

    @Test
    void progressIsReportedOnBatchesOverTenThousandLines() {
        String stdin = "{}\n".repeat(DecideCommand.PROGRESS_EVERY + 1);
        Run run = withInput(stdin, "decide");
        assertEquals(0, run.exit());
        assertEquals(DecideCommand.PROGRESS_EVERY + 1, run.outLines().size());
        assertTrue(run.err().startsWith("contactguard: 10,000 decided ("), run.err());
        assertTrue(run.err().contains("10,001 decisions in"), run.err());
    }

    @Test
    void decideCannotStartOnAMissingFileOrRulesThatDoNotLoad(@TempDir Path dir) {
        Run missing = run("decide", dir.resolve("nope.jsonl").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("contactguard: cannot read "), missing.err());

        Run broken = run("decide", "--rules", CliFixtures.brokenStarter(dir).toString(), SAMPLES.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().startsWith("contactguard: the rules do not load"), broken.err());
        assertEquals("", broken.out());

        assertEquals(2, run("decide", "--rules", dir.resolve("none").toString()).exit());
        assertEquals(2, run("decide", "--no-such-option").exit());
    }

    @Test
    void lintFindsNothingToRewriteInTheShippedCatalog() {
        Run run = run("lint", "--rules", CliFixtures.STARTER_PACK.getParent().toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.outLines().stream().noneMatch(line -> line.contains(": warning: ")), run.out());
        String summary = run.outLines().get(run.outLines().size() - 1);
        assertTrue(summary.contains("no problems") && !summary.contains("warning"), run.out());
    }

    @Test
    void lintWarnsWithFileAndLineAboutAHelperInAConditionAndStillPasses(@TempDir Path dir) throws IOException {
        Path rules = CliFixtures.starterCopy(dir);
        Path frequency = rules.resolve("starter").resolve("frequency.drl");
        String text = Files.readString(frequency);
        Files.writeString(frequency, text.replace(
                "    $calls : Tally(measure == \"placedCalls\", count >= starter.callCap)\n",
                "    $calls : Tally(measure == \"placedCalls\", count >= starter.callCap)\n    eval(true)\n"));
        int line = List.of(Files.readString(frequency).split("\n", -1)).indexOf("    eval(true)") + 1;
        Run run = run("lint", "--rules", rules.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> warnings = run.outLines().stream().filter(w -> w.contains(": warning: ")).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("frequency.drl:" + line + ": warning: ") && w.contains("'eval'")),
                run.out());
        assertTrue(run.outLines().get(run.outLines().size() - 1).contains("no problems, " + warnings.size() + " warnings"),
                run.out());
    }

    @Test
    void lintPrintsTheRuleTableWhenClean(@TempDir Path dir) {
        Run run = run("lint", "--rules", CliFixtures.starterCopy(dir).toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("ID                CITATION                                       PACK     FILE", run.outLines().get(0));
        assertTrue(run.out().contains("STARTER-FREQ-01   12 CFR 1006.14(b)(2)(i)(A)                     starter  "), run.out());
        assertTrue(run.out().contains("frequency.drl:"), run.out());
        assertTrue(run.outLines().get(run.outLines().size() - 1).startsWith("4 rules in 1 pack, no problems"), run.out());
    }

    @Test
    void lintPrintsEveryProblemWithFileAndLineAndFails(@TempDir Path dir) {
        Run run = run("lint", "--rules", CliFixtures.brokenStarter(dir).toString());
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.size() >= 2, run.out());
        for (String problem : lines.subList(0, lines.size() - 1)) {
            assertTrue(problem.matches(".*hours\\.drl:\\d+: .+"), problem);
        }
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ problems?"), run.out());
    }

    @Test
    void scenariosPassOnTheStarterFolderAndWarnAboutUnfiredRules() {
        Run run = run("scenarios", STARTER_SCENARIOS.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("  PASS  Call at 07:59 local is one minute early"), run.out());
        assertTrue(run.outLines().get(run.outLines().size() - 1).matches("\\d+ scenarios: \\d+ passed, 0 failed"), run.out());
        assertTrue(run.err().startsWith("warning: no scenario made 1 rule fire (packs starter):"), run.err());
        assertTrue(run.err().contains("  STARTER-HOURS-02  rules/starter/hours.drl:"), run.err());
    }

    @Test
    void aFailingScenarioPrintsTheDifferenceAndFails(@TempDir Path dir) {
        Run run = run("scenarios", "--verbose", CliFixtures.failingScenario(dir).toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("  FAIL  Deliberately wrong\n"
                + "        verdict: expected ALLOW, actual DENY [STARTER-HOURS-01]\n"), run.out());
        assertTrue(run.out().contains("        expected:\n        {\n          \"verdict\" : \"ALLOW\"\n        }"), run.out());
        assertTrue(run.out().endsWith("1 scenarios: 0 passed, 1 failed\n"), run.out());
    }

    @Test
    void anUnreadableScenarioFileFailsTheRunAndAMissingOneCannotStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"name\":\"x\",\"reqest\":{}}");
        Run bad = run("scenarios", dir.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.out().contains("ERROR " + dir.resolve("bad.json") + ": reqest: unknown key"), bad.out());

        Run missing = run("scenarios", dir.resolve("none").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("contactguard: no such file or folder"), missing.err());
        assertEquals(2, run("scenarios").exit(), "a folder or file is required");
    }

    @Test
    void packsListsParametersAndRuleCounts() {
        Run run = run("packs");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("starter  Starter  (4 rules, "), run.out());
        assertTrue(run.out().contains("\n  callCap = 7\n  callWindow = 7d\n  hoursEnd = 21:00\n  hoursStart = 08:00\n"),
                run.out());
    }

    @Test
    void noCommandPrintsUsage() {
        Run run = run();
        assertEquals(0, run.exit());
        assertTrue(run.err().contains("Usage: contactguard"), run.err());
        assertTrue(run("--help").out().contains("decide"));
    }
}
