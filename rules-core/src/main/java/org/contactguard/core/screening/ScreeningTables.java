package org.contactguard.core.screening;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.InflaterInputStream;

/**
 * The per-character tables screening reads, generated at build time from ICU and OpenCC data by
 * {@link ScreeningTableGenerator} into the resource {@value #RESOURCE}: for every BMP character its
 * folded form (NFKC with case folding, Traditional to Simplified, Latin accents and confusable letters
 * to ASCII), its class (what it does to words, clauses and sentences) and, for ideographs, the index
 * of its toneless pinyin syllable. Looking characters up in arrays is what keeps screening one cheap
 * pass; calling the libraries per message would cost a millisecond.
 */
final class ScreeningTables {

    static final String RESOURCE = "screening-tables.bin";
    static final int MAGIC = 0x43475354; // "CGST"
    static final int VERSION = 1;

    /** Class: dropped without breaking a word (format characters, marks, symbols, emoji). */
    static final byte JOIN = 0;
    /** Class: an ideograph, one token by itself. */
    static final byte CJK = 1;
    /** Class: a letter or digit, part of a word token. */
    static final byte WORD = 2;
    /** Class: a masking character inside a word ({@code sh*t}); dropped elsewhere. */
    static final byte MASK = 3;
    /** Class: whitespace, ends a word. */
    static final byte SPACE = 4;
    /** Class: punctuation that ends a word but neither a clause nor a sentence (hyphen, quotes, 、). */
    static final byte BREAK = 5;
    /** Class: ends a clause (comma, colon). */
    static final byte CLAUSE = 6;
    /** Class: ends a sentence (。！？；!?; and line breaks). */
    static final byte SENTENCE = 7;
    /** Class: a full stop, which ends a sentence only before a space, an ideograph or the end. */
    static final byte DOT = 8;

    /** First and last ideograph with a pinyin entry (CJK extension A to the end of the unified block). */
    static final char PINYIN_FIRST = '\u3400';
    static final char PINYIN_LAST = '\u9FFF';
    /** Pinyin index of a character without a reading. */
    static final short NO_SOUND = -1;

    private static final ScreeningTables INSTANCE = load();

    final char[] fold;
    final byte[] kind;
    final short[] sound;
    final String[] syllables;

    ScreeningTables(char[] fold, byte[] kind, short[] sound, String[] syllables) {
        this.fold = fold;
        this.kind = kind;
        this.sound = sound;
        this.syllables = syllables;
    }

    static ScreeningTables get() {
        return INSTANCE;
    }

    /**
     * One int per BMP character for a pack's fold: the folded char (bits 0–15), its class (16–19)
     * and its syllable index + 1 (20–30, 0 for none). One array read per character keeps a message's
     * pass in few cache lines.
     */
    int[] info(char[] packFold) {
        int[] info = new int[0x10000];
        for (int c = 0; c < info.length; c++) {
            char f = packFold[c];
            info[c] = f | (kind[c] & 0xF) << 16 | (soundOf(f) + 1) << 20;
        }
        return info;
    }

    /** The syllable index of a folded ideograph, or {@link #NO_SOUND}. */
    short soundOf(char folded) {
        return folded >= PINYIN_FIRST && folded <= PINYIN_LAST ? sound[folded - PINYIN_FIRST] : NO_SOUND;
    }

    private static ScreeningTables load() {
        InputStream raw = ScreeningTables.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            // Fail loudly: without the tables no text could be screened, and screening nothing would allow everything.
            throw new IllegalStateException("screening tables " + RESOURCE + " are missing from the class path;"
                    + " they are generated at build time by ScreeningTableGenerator");
        }
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(raw))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalStateException("screening tables " + RESOURCE + " have an unknown format");
            }
            char[] fold = new char[0x10000];
            byte[] kind = new byte[0x10000];
            for (int c = 0; c < fold.length; c++) {
                fold[c] = in.readChar();
            }
            in.readFully(kind);
            String[] syllables = new String[in.readShort()];
            for (int i = 0; i < syllables.length; i++) {
                syllables[i] = in.readUTF();
            }
            short[] sound = new short[PINYIN_LAST - PINYIN_FIRST + 1];
            for (int i = 0; i < sound.length; i++) {
                sound[i] = in.readShort();
            }
            return new ScreeningTables(fold, kind, sound, syllables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read screening tables " + RESOURCE, e);
        }
    }
}
