package org.contactguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine test packs ({@code rules/probe}, {@code rules/house}, {@code rules/faulty} on the test
 * classpath) and small tools to copy them into a folder and break exactly one thing there.
 *
 * <p>Public because the decision tests (another package) copy packs to test reload.
 */
public final class TestPacks {

    /** Engine test pack with parameters: a per-account cap, local hours, minors, an advisory. */
    public static final String PROBE = "probe";
    /** Engine test pack without parameters: one house-policy rule on minors. */
    public static final String HOUSE = "house";
    /** Engine test pack whose rules throw, dereference null or loop for particular debtor ids. */
    public static final String FAULTY = "faulty";
    /** Engine test pack with effective dates (Los Angeles), a dated cap, tenant directions and a tenant 'strict'. */
    public static final String DATED = "dated";
    /** Engine test pack reading the local day in the TEST holiday calendar (Dublin): no calls on holidays or Sundays. */
    public static final String HOLIDAYS = "holidays";

    private TestPacks() {
    }

    /** Copies pack {@code id} from the test classpath into {@code root/id/} and returns that folder. */
    public static Path copy(String id, Path root) {
        URL url = TestPacks.class.getClassLoader().getResource("rules/" + id);
        assertNotNull(url, "test pack rules/" + id + " is not on the test classpath");
        try {
            Path source = Path.of(url.toURI());
            Path target = Files.createDirectories(root.resolve(id));
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(p -> !p.equals(source)).sorted().toList()) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the one occurrence of {@code from} in {@code file} by {@code to}; fails if not exactly one. */
    public static void edit(Path file, String from, String to) {
        String text = read(file);
        int first = text.indexOf(from);
        assertTrue(first >= 0, () -> "'" + from + "' not found in " + file);
        assertEquals(-1, text.indexOf(from, first + 1), () -> "'" + from + "' occurs more than once in " + file);
        write(file, text.substring(0, first) + to + text.substring(first + from.length()));
    }

    /** The 1-based line of the one line of {@code file} that contains {@code needle}. */
    public static int lineOf(Path file, String needle) {
        List<String> lines = read(file).lines().toList();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                if (found != 0) {
                    fail("'" + needle + "' is on lines " + found + " and " + (i + 1) + " of " + file);
                }
                found = i + 1;
            }
        }
        assertTrue(found > 0, () -> "'" + needle + "' not found in " + file);
        return found;
    }

    /** The file's text. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file}, replacing it. */
    public static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only problem of {@code failure}; fails showing all of them if there is not exactly one. */
    public static RuleProblem onlyProblem(RuleLoadException failure) {
        assertEquals(1, failure.problems().size(), failure::getMessage);
        return failure.problems().get(0);
    }

    /** The one problem of {@code failure} whose message contains {@code text}. */
    public static RuleProblem problemMentioning(RuleLoadException failure, String text) {
        List<RuleProblem> matching = failure.problems().stream().filter(p -> p.message().contains(text)).toList();
        assertEquals(1, matching.size(), () -> "expected one problem mentioning '" + text + "' in\n"
                + failure.getMessage());
        return matching.get(0);
    }

    /** Asserts that {@code problem} is at {@code file}:{@code line} and its message contains {@code text}. */
    public static void assertProblem(Path file, int line, String text, RuleProblem problem) {
        assertEquals(file.toString(), problem.file(), problem::toString);
        assertEquals(line, problem.line(), problem::toString);
        assertTrue(problem.message().contains(text), () -> "expected '" + text + "' in " + problem);
    }
}
