package org.contactguard.core.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises text for term matching so that the usual ways of dodging a word filter do not work:
 * full-width and other compatibility forms become their plain forms (NFKC: "ｃｏｕｒｔ" → "court",
 * "１" → "1"), letters become lower-case, Traditional Chinese folds to Simplified (see
 * {@link ChineseVariants}), and whitespace, punctuation, symbols, emoji, control and format
 * characters (zero-width spaces) and combining marks are dropped, so "催 收", "催-收", "催*收" and
 * "催\u200B收" all read "催收".
 *
 * <p>Dropping spaces means an English term matches across word boundaries too ("sue" would match
 * "is sued" and "issue"): term lists should use phrases, not short words.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** The normalised form of {@code text}; the empty string for null. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(cp -> {
            if (!dropped(cp)) {
                out.appendCodePoint(ChineseVariants.toSimplified(Character.toLowerCase(cp)));
            }
        });
        // Lower-casing per code point misses the few letters whose lower case is longer (İ); the
        // locale-neutral String form catches them, and is a no-op for everything else.
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Characters that carry no letters or digits: whitespace, punctuation, symbols, controls, marks. */
    static boolean dropped(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }
}
