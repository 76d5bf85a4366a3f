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
        String quick = normalizeSimple(text);
        return quick != null ? quick : normalizeFully(text);
    }

    /**
     * {@link #normalize} of a text made only of characters whose NFKC form is one character that
     * depends on no neighbour (ASCII, CJK unified ideographs, full-width ASCII, the ideographic
     * space and common CJK and typographic punctuation): each character is then normalised on its
     * own, from a table for ASCII and the ideographs, without {@link Normalizer}. Null for any
     * other text.
     */
    static String normalizeSimple(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char normal;
            if (c < 0x80) {
                normal = ASCII[c];
            } else if (c >= CJK_FIRST && c <= CJK_LAST) {
                normal = CJK[c - CJK_FIRST];
            } else {
                int compatible = simpleCompatible(c);
                if (compatible < 0) {
                    return null;
                }
                normal = compatible < 0x80 ? ASCII[compatible] : single(compatible);
            }
            if (normal != DROPPED) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(normal);
            }
        }
        return out == null ? "" : out.toString();
    }

    private static final char CJK_FIRST = '\u4E00';
    private static final char CJK_LAST = '\u9FFF';
    /** Marks a character the normal form drops in {@link #ASCII} and {@link #CJK}. */
    private static final char DROPPED = '\uFFFF';
    /** The normal form of each ASCII character, or {@link #DROPPED}. */
    private static final char[] ASCII = table(0, 0x80);
    /** The normal form of each CJK unified ideograph (its Simplified form), or {@link #DROPPED} (unassigned). */
    private static final char[] CJK = table(CJK_FIRST, CJK_LAST + 1);

    private static char[] table(int from, int to) {
        char[] table = new char[to - from];
        for (int c = from; c < to; c++) {
            table[c - from] = single(c);
        }
        return table;
    }

    /**
     * The normal form of a code point that is its own NFKC form, as {@link #normalizeFully} treats
     * each code point: {@link #DROPPED}, or lower-cased and folded to Simplified (for these code
     * points one BMP character, which the final lower-casing leaves alone).
     */
    private static char single(int codePoint) {
        if (dropped(codePoint)) {
            return DROPPED;
        }
        int normal = Character.toLowerCase(ChineseVariants.toSimplified(Character.toLowerCase(codePoint)));
        if (normal > Character.MAX_VALUE || normal == DROPPED) {
            throw new IllegalStateException("U+" + Integer.toHexString(codePoint) + " does not normalise to one character");
        }
        return (char) normal;
    }

    /** The NFKC form of {@code c} when it is one of the simple characters of {@link #normalizeSimple}, else -1. */
    static int simpleCompatible(char c) {
        if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF)) {
            return c;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return c - 0xFEE0; // full-width ASCII
        }
        if (c == 0x3000) {
            return ' '; // ideographic space
        }
        if ((c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301B)
                || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D) {
            return c; // CJK and typographic punctuation without a compatibility form
        }
        return -1;
    }

    /** {@link #normalize} through {@link Normalizer}, for any text. */
    static String normalizeFully(String text) {
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
