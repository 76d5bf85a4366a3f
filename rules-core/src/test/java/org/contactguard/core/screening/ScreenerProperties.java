package org.contactguard.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ScreenerProperties {

    private static final Screener SCREENER = Screener.load(ScreenerTest.files(Map.of(
            "patterns.txt", "lexicon l.txt\nconcern A\n  match X ~3 Y\n  unless N before 4\nconcern B\n  match Z\n",
            "l.txt", "[X]\n我是\nthis is\n[Y]\n法院\npolice\n[N]\n不会\nnot\n[Z]\n坐牢 ~sound\nsh*t\njail\n")));

    @Property(tries = 2000)
    void anyTextScreensWithoutFailureAndEveryMatchQuotesItsOwnSpan(@ForAll String text) {
        ScreeningResult result = SCREENER.screen(text);
        for (ConcernMatch m : result.matches()) {
            assertTrue(m.end() <= text.length());
            assertEquals(text.substring(m.start(), m.end()), m.matched());
            assertTrue(text.contains(m.sentence()));
        }
    }

    @Property(tries = 500)
    void screeningIsDeterministic(@ForAll String prefix, @ForAll String suffix) {
        String text = prefix + "我是法院的" + suffix + " this is the police, jail";
        assertEquals(SCREENER.screen(text), SCREENER.screen(text));
    }

    @Property(tries = 500)
    void textAroundAConcernInOtherSentencesDoesNotHideIt(@ForAll String before, @ForAll String after) {
        String text = before + "。你去坐牢。" + after;
        assertTrue(SCREENER.screen(text).has("B"), text);
    }
}
