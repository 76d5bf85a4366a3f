package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.PackInfo;
import org.contactguard.core.engine.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * Every shipped pack is written in the rule vocabulary: lint has nothing to say about any of them
 * (no {@code from collect}, helper calls, {@code eval}, {@code == false} on helpers, numbers in names
 * or messages, collector exemptions rule by rule), and each says {@code pack.vocabulary = 2}, which
 * turns those warnings into load errors.
 */
class CatalogLintTest {

    private static final RuleSet CATALOG = ComplianceEngine.builder().build().rules();

    @Test
    void lintFindsNothingToRewriteInTheShippedCatalog() {
        assertEquals(List.of(), CATALOG.warnings());
    }

    @Test
    void everyShippedPackIsOnVocabularyTwo() {
        List<String> older = CATALOG.packs().stream().map(PackInfo::id)
                .filter(id -> !"2".equals(vocabularyOf(id))).toList();
        assertEquals(List.of(), older);
    }

    private static String vocabularyOf(String pack) {
        try (var in = CatalogLintTest.class.getResourceAsStream("/rules/" + pack + "/pack.properties")) {
            var properties = new java.util.Properties();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return properties.getProperty("pack.vocabulary");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
