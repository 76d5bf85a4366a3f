package org.contactguard.core.screening;

import static org.contactguard.core.screening.ScreeningTables.CJK;
import static org.contactguard.core.screening.ScreeningTables.CLAUSE;
import static org.contactguard.core.screening.ScreeningTables.DOT;
import static org.contactguard.core.screening.ScreeningTables.MASK;
import static org.contactguard.core.screening.ScreeningTables.SENTENCE;
import static org.contactguard.core.screening.ScreeningTables.SPACE;
import static org.contactguard.core.screening.ScreeningTables.WORD;

/**
 * One pass over a text (a message, or a lexicon term) that turns it into tokens: each ideograph is a
 * token (its folded char is the symbol), each word of letters and digits is a token (its id in the
 * lexicons' {@link WordTable}, or -1 when no lexicon has it). Every token keeps its offsets in the
 * original text, its clause and its sentence, so matches can quote their evidence.
 *
 * <p>What the pass undoes: compatibility forms, case, Traditional script and confusable letters (the
 * tables); separators, emoji and zero-width characters between characters (dropped); masking inside
 * a word ({@code sh*t}); leet digits inside a word ({@code k1ll}); letters spelled out one by one
 * ({@code j a i l}); and a lone letter or digit between two ideographs ({@code 坐1牢}), which is
 * marked droppable so the matcher reads the sentence both with and without it.
 */
final class Scan {

    /** Symbols of words start here, above every BMP char. */
    static final int WORD_BASE = 0x10000;

    /** Per BMP character: folded char, class and syllable ({@link ScreeningTables#info}). */
    private final int[] info;
    private final WordTable words;
    private final boolean intern;
    private final Syllables syllables;

    int count;
    int[] symbol;
    int[] start;
    int[] end;
    int[] clause;
    boolean[] droppable;
    boolean anyDroppable;

    int sentences;
    /** Per sentence: the token index after its last token, and its offsets in the text. */
    int[] sentenceTokenEnd;
    int[] sentenceFrom;
    int[] sentenceTo;

    /** The sound view: syllable ids (-1 breaks a sequence) and the token each belongs to. */
    int soundCount;
    int[] sound;
    int[] soundToken;
    int[] sentenceSoundEnd;

    private final char[] word = new char[64];
    private int wordLength;
    private int wordFrom;
    private int wordTo;
    private boolean wordLetter;
    private boolean wordLeet;

    private final char[] singles = new char[64];
    private int singleCount;
    private int singleFrom;
    private int singleTo;

    private int clauseId;
    private int sentenceFrom0;
    /** The last token is an ideograph with no punctuation after it (spaces and symbols do not count). */
    private boolean afterCjk;
    /** A lone letter or digit token right after an ideograph, waiting to see whether one follows. */
    private int loneCandidate = -1;
    private int loneSoundMark;

    Scan(int[] info, WordTable words, boolean intern, Syllables syllables, int capacity) {
        this.info = info;
        this.words = words;
        this.intern = intern;
        this.syllables = syllables;
        int n = capacity + 2;
        symbol = new int[n];
        start = new int[n];
        end = new int[n];
        clause = new int[n];
        droppable = new boolean[n];
        int s = capacity / 2 + 2;
        sentenceTokenEnd = new int[s];
        sentenceFrom = new int[s];
        sentenceTo = new int[s];
        sentenceSoundEnd = new int[s];
        if (syllables != null) {
            sound = new int[n * 2];
            soundToken = new int[n * 2];
        }
    }

    /** Makes a used scan ready for another text of {@code capacity} characters. */
    void reset(int capacity) {
        java.util.Arrays.fill(droppable, 0, count, false);
        if (symbol.length < capacity + 2) {
            int n = capacity + 2;
            symbol = new int[n];
            start = new int[n];
            end = new int[n];
            clause = new int[n];
            droppable = new boolean[n];
        }
        count = 0;
        anyDroppable = false;
        sentences = 0;
        soundCount = 0;
        wordLength = 0;
        singleCount = 0;
        clauseId = 0;
        sentenceFrom0 = 0;
        afterCjk = false;
        loneCandidate = -1;
        loneSoundMark = 0;
    }

    void run(String text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            int width = 1;
            byte k;
            char f;
            int syllable;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 2;
                int cp = text.codePointAt(i);
                // A rare ideograph is a token no term contains; emoji and other symbols are dropped.
                k = Character.isIdeographic(cp) ? CJK : ScreeningTables.JOIN;
                f = '\uFFFF';
                syllable = -1;
            } else {
                int v = info[c];
                f = (char) v;
                k = (byte) ((v >>> 16) & 0xF);
                syllable = (v >>> 20) - 1;
            }
            if (k == DOT) {
                int next = i + 1 < length ? (info[text.charAt(i + 1)] >>> 16) & 0xF : SENTENCE;
                k = next == SPACE || next == SENTENCE || next == CJK ? SENTENCE : ScreeningTables.BREAK;
            }
            switch (k) {
                case CJK -> {
                    endWord();
                    flushSingles();
                    emitCjk(f, syllable, i, i + width);
                }
                case WORD -> {
                    if (wordLength == 0) {
                        wordFrom = i;
                        wordLetter = false;
                        wordLeet = false;
                    }
                    if (wordLength < word.length) {
                        word[wordLength++] = f;
                    }
                    wordTo = i + width;
                    if (Character.isLetter(f) && f != '@' && f != '$') {
                        wordLetter = true;
                    } else {
                        wordLeet = true;
                    }
                }
                case MASK -> {
                    if (wordLength > 0 && wordLength < word.length) {
                        word[wordLength++] = '*';
                    }
                }
                case SPACE -> endWord();
                case ScreeningTables.BREAK -> {
                    endWord();
                    afterCjk = false;
                }
                case CLAUSE -> {
                    endWord();
                    flushSingles();
                    afterCjk = false;
                    loneCandidate = -1;
                    clauseId++;
                }
                case SENTENCE -> {
                    endWord();
                    flushSingles();
                    endSentence(i + width);
                }
                default -> {
                    // JOIN: dropped, and the word or ideograph run goes on across it
                }
            }
            i += width;
        }
        endWord();
        flushSingles();
        endSentence(length);
    }

    private void emitCjk(char f, int syllable, int from, int to) {
        if (loneCandidate >= 0 && loneCandidate == count - 1) {
            droppable[loneCandidate] = true;
            anyDroppable = true;
            soundCount = loneSoundMark; // the sound view reads 坐1牢 as zuo lao
        }
        loneCandidate = -1;
        emit(f, from, to);
        if (sound != null) {
            addSound(syllable, count - 1);
        }
        afterCjk = true;
    }

    private void emit(int sym, int from, int to) {
        if (count == symbol.length) {
            grow();
        }
        symbol[count] = sym;
        start[count] = from;
        end[count] = to;
        clause[count] = clauseId;
        count++;
    }

    private void addSound(int syllable, int token) {
        if (soundCount == sound.length) {
            sound = java.util.Arrays.copyOf(sound, soundCount * 2);
            soundToken = java.util.Arrays.copyOf(soundToken, soundCount * 2);
        }
        sound[soundCount] = syllable;
        soundToken[soundCount] = token;
        soundCount++;
    }

    private void endWord() {
        if (wordLength == 0) {
            return;
        }
        int n = wordLength;
        wordLength = 0;
        while (n > 0 && word[n - 1] == '*') {
            n--;
        }
        if (wordLeet) {
            n = wordLetter ? unLeet(n) : dropLeetSigns(n);
        }
        if (n == 0) {
            return;
        }
        if (n == 1) {
            if (singleCount == 0) {
                singleFrom = wordFrom;
            }
            singles[singleCount++] = word[0];
            singleTo = wordTo;
            if (singleCount == singles.length) {
                flushSingles();
            }
            return;
        }
        flushSingles();
        emitWord(word, n, wordFrom, wordTo);
        afterCjk = false;
    }

    /** Letters spelled one by one ({@code j a i l}) read as one word; one or two stay letters. */
    private void flushSingles() {
        if (singleCount == 0) {
            return;
        }
        int n = singleCount;
        singleCount = 0;
        if (n >= 3) {
            emitWord(singles, n, singleFrom, singleTo);
            afterCjk = false;
            return;
        }
        for (int i = 0; i < n; i++) {
            boolean lone = n == 1 && afterCjk;
            int mark = soundCount;
            emitWord(singles, i, 1, n == 1 ? singleFrom : -1, n == 1 ? singleTo : -1);
            if (lone) {
                loneCandidate = count - 1;
                loneSoundMark = mark;
            }
        }
        afterCjk = false;
    }

    private void emitWord(char[] chars, int offset, int n, int from, int to) {
        char[] w = offset == 0 ? chars : java.util.Arrays.copyOfRange(chars, offset, offset + n);
        emitWord(w, n, from < 0 ? singleFrom : from, to < 0 ? singleTo : to);
    }

    private void emitWord(char[] chars, int n, int from, int to) {
        // A final s is not part of a lexicon word of four letters or more, so plurals and possessives
        // (lenders, attorney's) read as the word: lexicons keep the stem, messages fall back to it.
        boolean plural = n >= 4 && chars[n - 1] == 's';
        int id;
        if (intern) {
            id = words.intern(chars, plural ? n - 1 : n);
        } else {
            id = words.find(chars, n);
            if (id < 0 && plural) {
                id = words.find(chars, n - 1);
            }
        }
        emit(id < 0 ? -1 : WORD_BASE + id, from, to);
        if (sound != null) {
            int got = syllables.split(chars, n, scratchSyllables, 0);
            if (got < 0) {
                addSound(-1, count - 1);
            } else {
                for (int i = 0; i < got; i++) {
                    addSound(scratchSyllables[i], count - 1);
                }
            }
        }
    }

    private final int[] scratchSyllables = new int[64];

    /** Inside a word with letters, digits and signs are letters in disguise: k1ll, $h1t, @ss. */
    private int unLeet(int n) {
        for (int i = 0; i < n; i++) {
            word[i] = switch (word[i]) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> word[i];
            };
        }
        return n;
    }

    /** A number keeps its digits; currency and at signs are dropped. */
    private int dropLeetSigns(int n) {
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (word[i] != '@' && word[i] != '$') {
                word[kept++] = word[i];
            }
        }
        return kept;
    }

    private void endSentence(int to) {
        if (sentences == sentenceTokenEnd.length) {
            sentenceTokenEnd = java.util.Arrays.copyOf(sentenceTokenEnd, sentences * 2);
            sentenceFrom = java.util.Arrays.copyOf(sentenceFrom, sentences * 2);
            sentenceTo = java.util.Arrays.copyOf(sentenceTo, sentences * 2);
            sentenceSoundEnd = java.util.Arrays.copyOf(sentenceSoundEnd, sentences * 2);
        }
        int previousEnd = sentences == 0 ? 0 : sentenceTokenEnd[sentences - 1];
        if (count > previousEnd) {
            sentenceTokenEnd[sentences] = count;
            sentenceFrom[sentences] = sentenceFrom0;
            sentenceTo[sentences] = to;
            sentenceSoundEnd[sentences] = soundCount;
            sentences++;
        }
        sentenceFrom0 = to;
        clauseId++;
        afterCjk = false;
        loneCandidate = -1;
    }

    private void grow() {
        int n = symbol.length * 2;
        symbol = java.util.Arrays.copyOf(symbol, n);
        start = java.util.Arrays.copyOf(start, n);
        end = java.util.Arrays.copyOf(end, n);
        clause = java.util.Arrays.copyOf(clause, n);
        droppable = java.util.Arrays.copyOf(droppable, n);
    }
}
