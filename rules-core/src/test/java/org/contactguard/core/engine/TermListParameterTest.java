package org.contactguard.core.engine;

import static org.contactguard.core.engine.TestPacks.assertProblem;
import static org.contactguard.core.engine.TestPacks.edit;
import static org.contactguard.core.engine.TestPacks.lineOf;
import static org.contactguard.core.engine.TestPacks.onlyProblem;
import static org.contactguard.core.engine.TestPacks.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.rules.TermList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Term-list parameters ({@code TermList}): read from a file relative to the pack folder, problems with
 * file and line, part of the version, re-read on reload, overridable. Uses the {@code rules/screen} pack.
 */
class TermListParameterTest {

    @TempDir
    Path root;

    static DecisionRequest sms(String content) {
        ProposedAction action = ProposedAction.builder().channel(Channel.SMS).at(Instant.parse("2026-03-10T02:00:00Z"))
                .recipient(Recipient.DEBTOR).contactPoint(ContactPoint.of("M1", ContactPointKind.MOBILE))
                .accountIds("A1").content(content).build();
        return DecisionRequest.builder().id("t").action(action).debtor(Debtor.of("D1", "Asia/Shanghai"))
                .account(Account.of("A1", Product.CONSUMER_LOAN, "CN", 30)).build();
    }

    /** Copies the screen pack, sub-folders included, into {@code root/screen}. */
    Path copyScreen() {
        try {
            Path source = Path.of(getClass().getClassLoader().getResource("rules/screen").toURI());
            Path target = root.resolve("screen");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void classpathPackReadsItsTermListAndMatchesNormalisedText() {
        ComplianceEngine engine = ComplianceEngine.builder().pack("screen").build();
        assertEquals(List.of("SCREEN-TERMS-01"), engine.decide(sms("再不还就 坐-牢")).ruleIds());
        assertEquals(List.of("SCREEN-TERMS-01"), engine.decide(sms("后果自负")).ruleIds());
        assertEquals(List.of("SCREEN-TERMS-01"), engine.decide(sms("You will GO TO JAIL")).ruleIds());
        assertTrue(engine.decide(sms("请按时还款")).isAllowed());
        Object list = engine.rules().pack("screen").parameters().get("bannedTerms");
        assertTrue(list instanceof TermList terms && terms.size() == 3 && terms.source().equals("terms/banned.txt"),
                String.valueOf(list));
    }

    @Test
    void builderOverridePointsAtAnotherListInThePack() {
        ComplianceEngine engine = ComplianceEngine.builder().pack("screen")
                .parameter("screen", "bannedTerms", "terms/other.txt").build();
        assertTrue(engine.decide(sms("坐牢")).isAllowed());
        assertEquals(List.of("SCREEN-TERMS-01"), engine.decide(sms("列入黑名單")).ruleIds());
        assertNotEquals(ComplianceEngine.builder().pack("screen").build().version(), engine.version());
    }

    @Test
    void parameterFileOverrideIsReadBesideThatFile() throws IOException {
        Path deployment = Files.createDirectories(root.resolve("deploy"));
        write(deployment.resolve("local-terms.txt"), "罚款\n");
        write(deployment.resolve("deployment.properties"), "screen.bannedTerms = local-terms.txt\n");
        ComplianceEngine engine = ComplianceEngine.builder().pack("screen")
                .parameters(deployment.resolve("deployment.properties")).build();
        assertEquals(List.of("SCREEN-TERMS-01"), engine.decide(sms("将收取罚款")).ruleIds());
        assertTrue(engine.decide(sms("坐牢")).isAllowed());
    }

    @Test
    void editedTermFileChangesVersionAndDecisionsOnReload() {
        Path pack = copyScreen();
        ComplianceEngine engine = ComplianceEngine.builder().rulesDirectory(pack).build();
        String before = engine.version();
        assertTrue(engine.decide(sms("失信被执行人")).isAllowed());
        write(pack.resolve("terms/banned.txt"), TestPacks.read(pack.resolve("terms/banned.txt")) + "失信被执行人\n");
        engine.reload();
        assertNotEquals(before, engine.version());
        Decision after = engine.decide(sms("失信被执行人"));
        assertEquals(List.of("SCREEN-TERMS-01"), after.ruleIds());
    }

    @Test
    void missingTermFileIsReportedAtTheParameterLine() {
        Path pack = copyScreen();
        edit(pack.resolve("pack.properties"), "terms/banned.txt", "terms/nope.txt");
        RuleLoadException failure = assertThrows(RuleLoadException.class,
                () -> ComplianceEngine.builder().rulesDirectory(pack).build());
        Path properties = pack.resolve("pack.properties");
        assertProblem(properties, lineOf(properties, "bannedTerms"), "terms/nope.txt", onlyProblem(failure));
    }

    @Test
    void termWithoutLettersIsReportedAtItsLineInTheTermFile() {
        Path pack = copyScreen();
        Path terms = pack.resolve("terms/banned.txt");
        write(terms, TestPacks.read(terms) + "* * *\n");
        RuleLoadException failure = assertThrows(RuleLoadException.class,
                () -> ComplianceEngine.builder().rulesDirectory(pack).build());
        assertProblem(terms, lineOf(terms, "* * *"), "no letters or digits", onlyProblem(failure));
    }

    @Test
    void emptyTermFileIsRejected() {
        Path pack = copyScreen();
        Path terms = pack.resolve("terms/banned.txt");
        write(terms, "# nothing yet\n");
        RuleLoadException failure = assertThrows(RuleLoadException.class,
                () -> ComplianceEngine.builder().rulesDirectory(pack).build());
        assertProblem(terms, 0, "holds no terms", onlyProblem(failure));
    }

    @Test
    void failedReloadOfABrokenTermFileKeepsTheOldListServing() {
        Path pack = copyScreen();
        ComplianceEngine engine = ComplianceEngine.builder().rulesDirectory(pack).build();
        write(pack.resolve("terms/banned.txt"), "\n");
        assertThrows(RuleLoadException.class, engine::reload);
        assertEquals(List.of("SCREEN-TERMS-01"), engine.decide(sms("坐牢")).ruleIds());
    }

    @Test
    void classpathTermListMayNotClimbOutOfItsPack() {
        RuleLoadException failure = assertThrows(RuleLoadException.class, () -> ComplianceEngine.builder().pack("screen")
                .parameter("screen", "bannedTerms", "../probe/pack.properties").build());
        assertTrue(onlyProblem(failure).message().contains("not found"), failure::getMessage);
    }
}
