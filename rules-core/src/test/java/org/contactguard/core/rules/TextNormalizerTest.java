package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void everySimpleCharacterIsItsOwnNfkcFormOrItsListedOne() {
        int simple = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int compatible = TextNormalizer.simpleCompatible((char) c);
            if (compatible >= 0) {
                simple++;
                assertEquals(Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKC),
                        String.valueOf((char) compatible), "U+" + Integer.toHexString(c));
                assertEquals(TextNormalizer.normalizeFully(String.valueOf((char) c)),
                        TextNormalizer.normalizeSimple(String.valueOf((char) c)), "U+" + Integer.toHexString(c));
            }
        }
        assertTrue(simple > 20_000, "CJK unified ideographs alone are 20,992");
    }

    @Test
    void theSimplePathGivesUpOnAnyOtherCharacter() {
        for (String other : new String[] {"e\u0301", "caf\u00E9", "\u2026", "\uFF61", "\u3036", "\uF900", "\uAC00",
                "\uD83D\uDE00", "\u212B"}) {
            assertEquals(null, TextNormalizer.normalizeSimple(other), other);
            assertEquals(TextNormalizer.normalizeFully(other), TextNormalizer.normalize(other), other);
        }
    }

    @Test
    void fullWidthBecomesHalfWidthAndLowerCase() {
        assertEquals("court123", TextNormalizer.normalize("ＣＯＵＲＴ１２３"));
    }

    @Test
    void spacesPunctuationAndSymbolsBetweenCharactersAreDropped() {
        for (String dodged : new String[] {"催收", "催 收", "催-收", "催*收", "催　收", "催\u200B收", "催。收", "催😀收", "「催」收",
                "催\n收", "催\uFE0F收"}) {
            assertEquals("催收", TextNormalizer.normalize(dodged), dodged);
        }
    }

    @Test
    void traditionalFoldsToSimplified() {
        assertEquals("后果自负", TextNormalizer.normalize("後果自負"));
        assertEquals("列入黑名单", TextNormalizer.normalize("列入黑名單"));
        assertEquals("征信", TextNormalizer.normalize("徵信"));
        assertEquals("爆通讯录", TextNormalizer.normalize("爆 通 訊 錄"));
    }

    @Test
    void lettersAndDigitsOfEveryScriptAreKept() {
        assertEquals("abc中文123", TextNormalizer.normalize("A b C, 中文! 1 2 3."));
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(" ,.!? "));
    }

    @Test
    void simplifiedTextIsLeftAlone() {
        String text = "尊敬的客户您的账单已逾期请尽快还款";
        assertEquals(text, TextNormalizer.normalize(text));
    }

    @Test
    void variantTableIsWellFormed() {
        String pairs = ChineseVariants.PAIRS;
        assertEquals(0, pairs.length() % 2);
        Set<Character> traditional = new HashSet<>();
        Set<Character> simplified = new HashSet<>();
        for (int i = 0; i < pairs.length(); i += 2) {
            assertTrue(traditional.add(pairs.charAt(i)), "listed twice: " + pairs.charAt(i));
            assertNotEquals(pairs.charAt(i), pairs.charAt(i + 1));
            simplified.add(pairs.charAt(i + 1));
        }
        // No chains (A -> B -> C): folding once is enough.
        traditional.retainAll(simplified);
        assertEquals(Set.of(), traditional);
        assertEquals(pairs.length() / 2, ChineseVariants.size());
    }
}
