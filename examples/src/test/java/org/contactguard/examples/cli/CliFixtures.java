package org.contactguard.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Real files the command-line tests run on: the sample requests, the starter pack and its scenarios. */
final class CliFixtures {

    /** The examples module folder (the tests' working directory under Maven, overridable). */
    static final Path HOME = Path.of(System.getProperty("contactguard.home", "."));
    static final Path SAMPLES = HOME.resolve("data/sample-requests.jsonl");
    static final Path STARTER_PACK = HOME.resolve("../rules-catalog/src/main/resources/rules/starter");
    static final Path STARTER_SCENARIOS = HOME.resolve("../rules-catalog/src/test/resources/scenarios/starter");

    private CliFixtures() {
    }

    /** Copies the starter pack into {@code root/starter} and returns {@code root}. */
    static Path starterCopy(Path root) {
        try {
            Path target = Files.createDirectories(root.resolve("starter"));
            try (Stream<Path> files = Files.list(STARTER_PACK)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the starter pack with one @citation removed and one condition broken. */
    static Path brokenStarter(Path root) {
        starterCopy(root);
        Path hours = root.resolve("starter/hours.drl");
        try {
            String text = Files.readString(hours, StandardCharsets.UTF_8);
            text = text.replaceFirst("    @citation\\(\"12 CFR 1006.6\\(b\\)\\(1\\)\\(i\\); 15 U.S.C. 1692c\\(a\\)\\(1\\)\"\\)\n", "");
            text = text.replace("ActionTime(zoneKnown == false)", "ActionTime(zoneKnown == )");
            Files.writeString(hours, text, StandardCharsets.UTF_8);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario file whose expectation is wrong: a call at 07:59 local expected to be allowed. */
    static Path failingScenario(Path dir) {
        try {
            Path file = dir.resolve("wrong.json");
            Files.writeString(file, """
                    {"name":"Deliberately wrong","packs":["starter"],
                     "request":{"id":"w1","action":{"channel":"CALL","at":"2026-03-10T11:59:00Z","recipient":"DEBTOR",
                                "contactPoint":{"id":"P1","kind":"MOBILE"},"accountIds":["A1"]},
                                "debtor":{"id":"D1","timeZones":["America/New_York"]},
                                "accounts":[{"id":"A1","product":"CREDIT_CARD","jurisdiction":"US","daysPastDue":45}]},
                     "expect":{"verdict":"ALLOW"}}
                    """, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
