package org.contactguard.catalog.cn;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.contactguard.core.rules.TermList;
import org.contactguard.core.rules.TextNormalizer;
import org.junit.jupiter.api.Test;

/**
 * The shipped term lists: every Traditional term (section "# 繁體") folds to a Simplified term of the same
 * file (section "# 简体"), which proves the Traditional-to-Simplified table covers the lists' characters.
 */
class CnTermListsTest {

    static List<TermList> shippedLists() {
        List<TermList> lists = new ArrayList<>();
        CnFixtures.ENGINE.rules().pack("cn").parameters().values().forEach(value -> {
            if (value instanceof TermList list) {
                lists.add(list);
            }
        });
        return lists;
    }

    static String read(String source) throws IOException {
        try (InputStream in = CnTermListsTest.class.getClassLoader().getResourceAsStream("rules/cn/" + source)) {
            assertNotNull(in, source);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyListIsLoadedWithTerms() {
        List<TermList> lists = shippedLists();
        assertTrue(lists.size() >= 8, lists::toString);
        lists.forEach(list -> assertTrue(list.size() >= 3, list::toString));
    }

    @Test
    void everyTraditionalTermFoldsToASimplifiedTermOfItsList() throws IOException {
        for (TermList list : shippedLists()) {
            Set<String> simplified = new HashSet<>();
            List<String> traditional = new ArrayList<>();
            String section = "";
            for (String raw : read(list.source()).split("\r?\n")) {
                String line = raw.strip();
                if (line.startsWith("#")) {
                    if (line.equals("# 简体") || line.equals("# 繁體") || line.equals("# English")) {
                        section = line;
                    }
                } else if (!line.isEmpty() && section.equals("# 简体")) {
                    simplified.add(TextNormalizer.normalize(line));
                } else if (!line.isEmpty() && section.equals("# 繁體")) {
                    traditional.add(line);
                }
            }
            assertTrue(!simplified.isEmpty() && !traditional.isEmpty(), list.source() + ": sections missing");
            for (String term : traditional) {
                String folded = TextNormalizer.normalize(term);
                assertNotEquals(term, folded, list.source() + ": '" + term + "' has no Traditional character");
                assertTrue(simplified.contains(folded), list.source() + ": '" + term + "' folds to '" + folded
                        + "', which is not in the 简体 section (a character missing from the table?)");
            }
        }
    }
}
