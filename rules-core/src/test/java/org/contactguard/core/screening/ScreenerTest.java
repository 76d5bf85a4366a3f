package org.contactguard.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScreenerTest {

    /** Files held in memory, named like a pack folder. */
    static ScreeningSource files(Map<String, String> files) {
        return new ScreeningSource() {
            @Override
            public String describe(String file) {
                return "mem/" + file;
            }

            @Override
            public Optional<Text> read(String file) {
                return Optional.ofNullable(files.get(file)).map(text -> new Text("mem/" + file, text));
            }
        };
    }

    private static final String CN_PATTERNS = """
            # test patterns
            equivalents eq.txt
            lexicon cn.txt
            concern IMPERSONATION
              match SELF_CLAIM ~12 AUTHORITY
              unless NEGATION before 8
            concern JAIL
              match PRISON
              unless NEGATION before 8
            concern DEBT
              match DEBT_WORD
            """;
    private static final String CN_LEXICON = """
            # test lexicon
            [SELF_CLAIM]
            我是
            [AUTHORITY]
            法院
            公安
            [NEGATION]
            不会
            无权
            [PRISON]
            坐牢 ~sound
            [DEBT_WORD]
            欠
            诈骗
            """;
    private static final Screener CN = Screener.load(files(Map.of("patterns.txt", CN_PATTERNS,
            "cn.txt", CN_LEXICON, "eq.txt", "妳 你\n")));

    private static final String EN_PATTERNS = """
            lexicon en.txt
            concern ARREST
              match ARRESTED
              unless NEGATION before 3 except CONDITION
            concern PROFANITY
              match PROFANE
            concern DEBT
              match DEBT_WORD
            concern URGENT
              scope message
              match COURT ~~10 SOON
            """;
    private static final String EN_LEXICON = """
            [ARRESTED]
            have you arrested
            jail
            [NEGATION]
            no one
            cannot
            not
            [CONDITION]
            if you do not
            [PROFANE]
            shit
            [DEBT_WORD]
            loan
            debt
            [COURT]
            claim form
            [SOON]
            immediately
            """;
    private static final Screener EN = Screener.load(files(Map.of("patterns.txt", EN_PATTERNS, "en.txt", EN_LEXICON)));

    @Nested
    class Evidence {
        @Test
        void aMatchQuotesItsSpanAndItsSentenceAsWritten() {
            String text = "您好。我是朝阳区人民法院执行庭的，今天必须还款！谢谢";
            ConcernMatch m = CN.screen(text).matchesOf("IMPERSONATION").get(0);
            assertEquals("我是朝阳区人民法院", m.matched());
            assertEquals(text.indexOf("我是"), m.start());
            assertEquals("我是朝阳区人民法院执行庭的，今天必须还款！", m.sentence());
            assertEquals("mem/patterns.txt:5", m.pattern());
            assertFalse(m.bySound());
        }

        @Test
        void anActorTooFarFromTheClaimIsNoImpersonation() {
            assertTrue(CN.screen("我是这个小区住了十多年的老住户，门口就是法院").matchesOf("IMPERSONATION").isEmpty());
            assertTrue(CN.screen("我是朝阳区人民法院的").has("IMPERSONATION"));
        }

        @Test
        void nothingIsFoundInEmptyOrNullText() {
            assertTrue(CN.screen(null).isEmpty());
            assertTrue(CN.screen("").isEmpty());
        }
    }

    @Nested
    class NegationScope {
        @Test
        void aNegationJustBeforeTheConceptDiscardsIt() {
            assertFalse(CN.screen("我们不会让你坐牢").has("JAIL"));
            assertTrue(CN.screen("我们会让你坐牢").has("JAIL"));
        }

        @Test
        void aNegationInAnotherClauseDoesNotCount() {
            assertTrue(CN.screen("我们不会再打电话，你就等着坐牢").has("JAIL"));
        }

        @Test
        void aNegationInsideAConditionIsNoNegation() {
            assertTrue(EN.screen("If you do not pay we will have you arrested").has("ARREST"));
            assertFalse(EN.screen("No one will have you arrested").has("ARREST"));
        }
    }

    @Nested
    class Normalisation {
        @Test
        void traditionalScriptFoldsThroughOpenCcData() {
            assertTrue(CN.screen("你涉嫌詐騙").has("DEBT"));
        }

        @Test
        void separatorsEmojiAndZeroWidthBetweenIdeographsAreIgnored() {
            assertTrue(CN.screen("去坐 牢").has("JAIL"));
            assertTrue(CN.screen("去坐\u200B牢").has("JAIL"));
            assertTrue(CN.screen("去坐\uD83D\uDD12牢").has("JAIL"));
        }

        @Test
        void aLoneDigitBetweenIdeographsIsReadBothWaysButPunctuationSeparates() {
            assertTrue(CN.screen("去坐1牢").has("JAIL"));
            assertFalse(CN.screen("去坐。牢").has("JAIL"));
        }

        @Test
        void aHomophoneOrPinyinMatchesBySoundAndSaysSo() {
            ConcernMatch homophone = CN.screen("让你去座牢").matchesOf("JAIL").get(0);
            assertTrue(homophone.bySound());
            assertTrue(CN.screen("rang ni zuo lao").has("JAIL"));
            assertTrue(CN.screen("zuolao").has("JAIL"));
            assertFalse(CN.screen("去坐牢").matchesOf("JAIL").get(0).bySound());
        }

        @Test
        void aPackEquivalenceFoldsWhatNoConverterDoes() {
            assertTrue(CN.screen("妳欠了钱").has("DEBT"));
        }
    }

    @Nested
    class EnglishWords {
        @Test
        void wordsMatchWholeNeverInsideOthers() {
            assertFalse(EN.screen("Our office is on Sloane Street").has("DEBT"));
            assertFalse(EN.screen("Please ask Deb Thompson to call").has("DEBT"));
            assertFalse(EN.screen("Please tell Shitake Farms").has("PROFANITY"));
            assertTrue(EN.screen("About your loan").has("DEBT"));
        }

        @Test
        void pluralsAndPossessivesReadAsTheWord() {
            assertTrue(EN.screen("Your loans are overdue").has("DEBT"));
            assertTrue(EN.screen("The loan's terms").has("DEBT"));
        }

        @Test
        void maskedLeetSpelledOutAndLookAlikeLettersAreRead() {
            assertTrue(EN.screen("you piece of sh*t").has("PROFANITY"));
            assertTrue(EN.screen("you will go to j a i l").has("ARREST"));
            assertTrue(EN.screen("you will go to ja1l").has("ARREST"));
            assertTrue(EN.screen("we will h\u0430ve you \u0430rrested").has("ARREST")); // Cyrillic а
            assertTrue(EN.screen("ＪＡＩＬ").has("ARREST"));
        }

        @Test
        void aMessageScopedConcernSpansSentences() {
            assertTrue(EN.screen("Claim form issued. Respond immediately.").has("URGENT"));
            assertFalse(EN.screen("Claim form issued.").has("URGENT"));
        }
    }

    @Nested
    class LoadErrors {
        private ScreeningLoadException failing(String patterns, String lexicon) {
            return assertThrows(ScreeningLoadException.class,
                    () -> Screener.load(files(Map.of("patterns.txt", patterns, "cn.txt", lexicon))));
        }

        @Test
        void anUnknownConceptIsAnErrorAtItsLine() {
            ScreeningLoadException e = failing("lexicon cn.txt\nconcern A\n  match NOPE ~3 X\n", "[X]\n你\n");
            assertEquals(List.of(new ScreeningProblem("mem/patterns.txt", 3, "unknown concept 'NOPE' (no lexicon defines it)")),
                    e.problems());
        }

        @Test
        void aBadGapAnUnknownDirectiveAndAMissingFileAreAllReported() {
            ScreeningLoadException e = failing("lexicon cn.txt\nlexicon gone.txt\nfrobnicate\nconcern A\n  match X ~x X\n",
                    "[X]\n你\n");
            assertEquals(List.of(2, 3, 5), e.problems().stream().map(ScreeningProblem::line).toList());
            assertTrue(e.getMessage().contains("mem/patterns.txt:5: expected a gap like ~3"), e.getMessage());
        }

        @Test
        void aTermBeforeAnyHeaderAndAnEmptyConceptAreErrorsInTheLexicon() {
            ScreeningLoadException e = failing("lexicon cn.txt\nconcern A\n  match X\n", "孤儿\n[X]\n[Y]\n你\n");
            assertEquals(List.of("mem/cn.txt:1", "mem/cn.txt:2"),
                    e.problems().stream().map(p -> p.file() + ":" + p.line()).toList());
        }

        @Test
        void aTermAcrossAClauseBreakIsAnError() {
            ScreeningLoadException e = failing("lexicon cn.txt\nconcern A\n  match X\n", "[X]\n你，好\n");
            assertTrue(e.problems().stream().anyMatch(p -> p.line() == 2 && p.message().contains("clause")), e.getMessage());
        }

        @Test
        void aSoundTermWithoutPinyinIsAnError() {
            ScreeningLoadException e = failing("lexicon cn.txt\nconcern A\n  match X\n", "[X]\nkill ~sound\n");
            assertTrue(e.problems().stream().anyMatch(p -> p.line() == 2 && p.message().contains("no pinyin")), e.getMessage());
        }

        @Test
        void aMissingPatternsFileIsAnError() {
            assertThrows(ScreeningLoadException.class, () -> Screener.load(files(Map.of())));
        }
    }
}
