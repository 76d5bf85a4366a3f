package org.contactguard.examples.cli;

import static org.contactguard.examples.cli.CliFixtures.HOME;
import static org.contactguard.examples.cli.CliFixtures.SAMPLES;
import static org.contactguard.examples.cli.CliFixtures.STARTER_SCENARIOS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.json.DecisionJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the shaded jar (and the launcher script) run as a separate process on real files, as a
 * user runs them. Runs after {@code package} (failsafe), so the jar under test is the one that ships.
 */
class ContactguardProcessIT {

    private static final Path JAR = Path.of(System.getProperty("contactguard.jar", "target/contactguard.jar"));

    /** What one process printed and how it exited. */
    record Result(int exit, String out, String err) {
    }

    private static Result exec(Path stdin, List<String> command, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("contactguard did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Result jar(Path dir, Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return exec(stdin, command, dir);
    }

    @Test
    void theLauncherDecidesTheSampleFilePrettyAsTheReadmeSays(@TempDir Path dir) throws Exception {
        List<String> command = List.of("bash", HOME.resolve("contactguard").toString(), "decide", "--pretty",
                SAMPLES.toString());
        Result result = exec(null, command, dir);
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().startsWith("LINE  ID"), result.out());
        assertTrue(result.out().contains("STARTER-FREQ-01"), result.out());
        assertTrue(result.err().contains("decisions/s"), result.err());
    }

    @Test
    void decideFromStandardInputGivesOneLinePerLineInOrder(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLES));
        lines.add(2, "{\"id\":\"broken\",");
        Path input = Files.write(dir.resolve("in.jsonl"), lines);
        Result result = jar(dir, input, "decide", "-");
        assertEquals(0, result.exit(), result.err());
        List<String> out = result.out().lines().toList();
        assertEquals(lines.size(), out.size());
        Decision broken = DecisionJson.readDecision(out.get(2));
        assertEquals("broken", broken.id());
        assertEquals(Verdict.DENY, broken.verdict());
        assertEquals("s01-call-at-noon-no-history", DecisionJson.readDecision(out.get(0)).id());
        assertEquals("s12-call-at-2030-with-seven-calls-denied-until-oldest-leaves",
                DecisionJson.readDecision(out.get(12)).id());
    }

    @Test
    void exitCodesSayWhetherChecksPassedFailedOrCouldNotStart(@TempDir Path dir) throws Exception {
        Result scenarios = jar(dir, null, "scenarios", STARTER_SCENARIOS.toString());
        assertEquals(0, scenarios.exit(), scenarios.out() + scenarios.err());

        Result failing = jar(dir, null, "scenarios", CliFixtures.failingScenario(dir).toString());
        assertEquals(1, failing.exit(), failing.out() + failing.err());
        assertTrue(failing.out().contains("FAIL  Deliberately wrong"), failing.out());

        Result lint = jar(dir, null, "lint", "--rules", CliFixtures.brokenStarter(dir.resolve("rules")).toString());
        assertEquals(1, lint.exit(), lint.out() + lint.err());
        assertTrue(lint.out().contains("hours.drl:"), lint.out());

        Result unreadable = jar(dir, null, "decide", dir.resolve("missing.jsonl").toString());
        assertEquals(2, unreadable.exit());
        assertTrue(unreadable.err().startsWith("contactguard: cannot read"), unreadable.err());
    }
}
