package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TermListTest {

    static final TermList THREATS = TermList.of("threats", List.of("后果自负", "爆通讯录", "We know where you live"));

    @Test
    void matchesSimplifiedTraditionalFullWidthAndSpacedText() {
        assertEquals("后果自负", THREATS.firstMatch("再不还钱,后果自负!"));
        assertEquals("后果自负", THREATS.firstMatch("再不還錢,後果自負!"));
        assertEquals("爆通讯录", THREATS.firstMatch("明天 爆-通*讯 录"));
        assertEquals("We know where you live", THREATS.firstMatch("ＷＥ ＫＮＯＷ ＷＨＥＲＥ ＹＯＵ ＬＩＶＥ..."));
        assertEquals("We know where you live", THREATS.firstMatch("we-know-where-you-live"));
    }

    @Test
    void textWithoutATermDoesNotMatch() {
        assertFalse(THREATS.matches("请按时还款,谢谢"));
        assertFalse(THREATS.foundIn(null));
        assertNull(THREATS.firstMatch(""));
    }

    @Test
    void traditionalTwinsAreKeptOnceAndCommentsAndBlankLinesIgnored() {
        List<TermList.Problem> problems = new ArrayList<>();
        TermList list = TermList.parse("x.txt", "\uFEFF# comment\n\n后果自负\n後果自負\n  坐牢  \n", problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("后果自负", "坐牢"), list.terms());
    }

    @Test
    void termWithoutLettersIsAProblemWithItsLine() {
        List<TermList.Problem> problems = new ArrayList<>();
        TermList.parse("x.txt", "坐牢\n***\n", problems);
        assertEquals(1, problems.size());
        assertEquals(2, problems.get(0).line());
    }

    @Test
    void emptyListIsAProblem() {
        List<TermList.Problem> problems = new ArrayList<>();
        TermList.parse("x.txt", "# only a comment\n", problems);
        assertEquals(0, problems.get(0).line());
        assertThrows(IllegalArgumentException.class, () -> TermList.of("x", List.of()));
    }

    @Test
    void digestFollowsTheNormalisedTerms() {
        assertEquals(TermList.of("a", List.of("坐牢")).digest(), TermList.of("a", List.of("坐 牢")).digest());
        assertNotEquals(TermList.of("a", List.of("坐牢")).digest(), TermList.of("a", List.of("判刑")).digest());
        assertTrue(THREATS.toString().contains(THREATS.digest()));
    }

    @Test
    void theSameTextObjectIsNormalisedOnceForEveryList() {
        String content = new String("再不還錢,後果自負!");
        String first = TermList.normalized(content);
        // Screening against several lists (a decision runs ~9) reuses the first normal form.
        assertEquals("后果自负", THREATS.firstMatch(content));
        assertNull(TermList.of("fees", List.of("手续费")).firstMatch(content));
        assertTrue(TermList.of("debt", List.of("还钱")).foundIn(content));
        assertSame(first, TermList.normalized(content));
    }

    @Test
    void anEqualButDifferentTextObjectIsNormalisedAfresh() {
        String content = new String("后果 自负");
        String first = TermList.normalized(content);
        String twin = new String("后果 自负");
        String again = TermList.normalized(twin);
        assertNotSame(first, again);
        assertEquals(first, again);
        assertEquals(TextNormalizer.normalize(twin), again);
    }

    /** One engine serves many threads: whatever the interleaving, every thread gets its own text's normal form. */
    @Test
    void threadsSharingTheMemoNeverSeeAnotherThreadsText() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String text = new String("第" + thread + "号 " + (i % 7 == 0 ? "後果自負" : "請還款") + i);
                        String expected = TextNormalizer.normalize(text);
                        if (!expected.equals(TermList.normalized(text)) || !expected.equals(TermList.normalized(text))) {
                            return "thread " + thread + " got another normal form for " + text;
                        }
                        if (THREATS.matches(text) != (i % 7 == 0)) {
                            return "thread " + thread + " matched wrongly: " + text;
                        }
                    }
                    return "ok";
                }));
            }
            for (Future<String> result : results) {
                assertEquals("ok", result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whatever is inserted between a term's characters (spaces, punctuation, symbols), it still matches. */
    @Property(tries = 300)
    void separatorsBetweenCharactersNeverHideATerm(@ForAll("separators") @StringLength(max = 3) String separator) {
        String dodged = String.join(separator, "后果自负".split(""));
        assertTrue(THREATS.matches("再不还钱" + dodged), dodged);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> separators() {
        return net.jqwik.api.Arbitraries.strings().withChars(" \t\u3000-_*.,;:!?/\\|~·、，。！？…—()（）【】「」\"'\u200B\u200D")
                .ofMinLength(0).ofMaxLength(3);
    }
}
