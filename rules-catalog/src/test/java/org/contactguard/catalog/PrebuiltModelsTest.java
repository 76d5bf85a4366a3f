package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.PackInfo;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.testkit.ScenarioTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog is packaged with each pack's executable model pre-built (see rules-catalog's pom):
 * every shipped pack starts from it, and it decides exactly as the pack's DRL compiled at start,
 * which is what a folder of rules or {@code prebuiltModels(false)} gets.
 */
class PrebuiltModelsTest {

    private static final ComplianceEngine PREBUILT = ComplianceEngine.builder().build();
    private static final ComplianceEngine FROM_DRL = ComplianceEngine.builder().prebuiltModels(false).build();

    @TempDir
    Path folder;

    @Test
    void everyShippedPackStartsFromItsPrebuiltModel() {
        List<String> notPrebuilt = PREBUILT.rules().packs().stream().filter(pack -> !pack.prebuilt())
                .map(PackInfo::id).toList();
        assertEquals(List.of(), notPrebuilt);
        assertFalse(FROM_DRL.rules().packs().stream().anyMatch(PackInfo::prebuilt));
        assertEquals(FROM_DRL.version(), PREBUILT.version(), "the model is not part of the rule-set version");
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPassesWhenThePacksAreCompiledFromDrl() {
        return ScenarioTests.using(FROM_DRL).from("scenarios/starter", "scenarios/cn", "scenarios/us-regf",
                "scenarios/us-overlays");
    }

    @Property(tries = 30)
    void prebuiltAndDrlDecideRandomRequestsAlike(@ForAll long seed) {
        List<DecisionRequest> requests = RandomRequests.requests(seed, 40);
        assertEquals(FROM_DRL.decideAll(requests), PREBUILT.decideAll(requests));
    }

    @Test
    void aCopiedPackFolderUsesTheModelUntilItsDrlIsEdited() throws IOException, URISyntaxException {
        Path starter = copyOfShippedPack("starter");
        assertTrue(Files.exists(starter.resolve("pack.model")), "the packaged pack carries its model file");
        assertTrue(onlyPack(starter).prebuilt(), "an unchanged copy matches its model");

        Path rules = starter.resolve("frequency.drl");
        Files.writeString(rules, Files.readString(rules, StandardCharsets.UTF_8).replace(
                "placed calls in the rolling", "placed calls (edited) in the rolling"), StandardCharsets.UTF_8);
        PackInfo edited = onlyPack(starter);
        assertFalse(edited.prebuilt(), "an edited DRL is compiled, not replaced by the stale model");
        assertTrue(edited.rules().stream().anyMatch(rule -> rule.message().contains("(edited)")));
    }

    @Test
    void aModelThatCannotBeLoadedFallsBackToTheDrl() throws IOException, URISyntaxException {
        Path starter = copyOfShippedPack("starter");
        Path model = starter.resolve("pack.model");
        Files.writeString(model, Files.readString(model, StandardCharsets.ISO_8859_1)
                .replaceAll("(?m)^model=.*$", "model=org.contactguard.rules.starter.NoSuchModel"),
                StandardCharsets.ISO_8859_1);
        PackInfo pack = onlyPack(starter);
        assertFalse(pack.prebuilt());
        assertEquals(PREBUILT.rules().pack("starter").rules().stream().map(RuleInfo::id).toList(),
                pack.rules().stream().map(RuleInfo::id).toList(), "the DRL's rules are loaded");
    }

    private Path copyOfShippedPack(String id) throws IOException, URISyntaxException {
        Path shipped = Path.of(getClass().getClassLoader().getResource("rules/" + id + "/pack.properties").toURI())
                .getParent();
        Path copy = folder.resolve(id);
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(shipped.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private static PackInfo onlyPack(Path packFolder) {
        List<PackInfo> packs = ComplianceEngine.builder().rulesDirectory(packFolder).build().rules().packs();
        assertEquals(1, packs.size());
        return packs.get(0);
    }
}
