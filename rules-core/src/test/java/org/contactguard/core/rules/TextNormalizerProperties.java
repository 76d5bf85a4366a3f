package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** {@link TextNormalizer}'s per-character path agrees with the path through {@link Normalizer}. */
class TextNormalizerProperties {

    /** Simple characters next to each other and to characters that need {@link Normalizer}: both paths agree. */
    @Property(tries = 500)
    void simpleAndFullNormalisationAgree(@ForAll @StringLength(max = 12) @Chars({'a', 'Z', '1', ' ', '-', '.', '<',
        '\u0338', '\u0301', '\u00E9', '\u3000', '\u3001', '\u3002', '\u300C', '\u3010', '\u201C', '\u2014', '\uFF21',
        '\uFF4B', '\uFF10', '\uFF0C', '\uFF1C', '\u5F8C', '\u50AC', '\u6536', '\u9EDE', '\u2026', '\u00B7', '\u200B',
        '\u1100', '\u1161', '\u11A8'}) @CharRange(from = '\u4E00', to = '\u4E2F') String text) {
        assertEquals(TextNormalizer.normalizeFully(text), TextNormalizer.normalize(text), text);
    }
}
