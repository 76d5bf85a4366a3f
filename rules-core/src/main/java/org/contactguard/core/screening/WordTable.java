package org.contactguard.core.screening;

import java.util.Arrays;

/**
 * The lexicons' words, each with a small id, looked up from a char buffer without allocating: a
 * message's words are found here or are unknown. Grows while a screener is compiled; only read after.
 */
final class WordTable {

    private char[][] keys = new char[64][];
    private int[] ids = new int[64];
    private int size;
    private char[][] byId = new char[64][];

    /** The first spelling of the word with {@code id}. */
    char[] word(int id) {
        return byId[id].clone();
    }

    int size() {
        return size;
    }

    /** The id of {@code word[0..length)}, or -1. */
    int find(char[] word, int length) {
        int mask = keys.length - 1;
        for (int slot = hash(word, length) & mask; ; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (key.length == length && Arrays.equals(key, 0, length, word, 0, length)) {
                return ids[slot];
            }
        }
    }

    /** The id of {@code word[0..length)}, a new one for a new word. */
    int intern(char[] word, int length) {
        int id = find(word, length);
        return id >= 0 ? id : put(Arrays.copyOf(word, length), size);
    }

    /** Makes {@code word} another spelling of the word with {@code id} (a masked or leet variant), unless it is already known. */
    void alias(char[] word, int id) {
        if (find(word, word.length) < 0) {
            put(word.clone(), id);
        }
    }

    private int put(char[] key, int id) {
        if ((entries + 1) * 2 > keys.length) {
            grow();
        }
        insert(key, id);
        if (id == size) {
            if (size == byId.length) {
                byId = Arrays.copyOf(byId, size * 2);
            }
            byId[size++] = key;
        }
        return id;
    }

    private int entries;

    private void insert(char[] key, int id) {
        int mask = keys.length - 1;
        int slot = hash(key, key.length) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        ids[slot] = id;
        entries++;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldIds = ids;
        keys = new char[oldKeys.length * 2][];
        ids = new int[oldKeys.length * 2];
        entries = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldIds[i]);
            }
        }
    }

    private static int hash(char[] word, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word[i];
        }
        return h ^ (h >>> 16);
    }
}
