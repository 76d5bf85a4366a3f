package org.contactguard.core.screening;

/**
 * Splits a Latin word into pinyin syllables ("zuolao" → zuo, lao), longest syllable first with
 * backtracking, through a trie over a–z of the syllables the tables know. Allocation-free.
 */
final class Syllables {

    private static final int MAX_WORD = 32;

    /** trie[node][letter] = child node, 0 for none; leaf[node] = syllable id or -1. */
    private final int[][] trie;
    private final int[] leaf;

    Syllables(String[] syllables) {
        int nodes = 1;
        for (String s : syllables) {
            nodes += s.length();
        }
        int[][] t = new int[nodes][26];
        int[] l = new int[nodes];
        java.util.Arrays.fill(l, -1);
        int used = 1;
        for (int id = 0; id < syllables.length; id++) {
            int node = 0;
            for (char c : syllables[id].toCharArray()) {
                int letter = c - 'a';
                if (t[node][letter] == 0) {
                    t[node][letter] = used++;
                }
                node = t[node][letter];
            }
            l[node] = id;
        }
        trie = t;
        leaf = l;
    }

    /**
     * Writes the syllable ids of {@code word[0..length)} into {@code out} from index {@code at};
     * returns how many, or -1 when the word is not a run of pinyin syllables.
     */
    int split(char[] word, int length, int[] out, int at) {
        if (length == 0 || length > MAX_WORD) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            if (word[i] < 'a' || word[i] > 'z') {
                return -1;
            }
        }
        return split(word, 0, length, out, at, 0);
    }

    private int split(char[] word, int from, int length, int[] out, int at, int count) {
        if (from == length) {
            return count;
        }
        // Find every syllable starting at `from`, then try the longest first.
        int node = 0;
        int[] ends = new int[7];
        int[] ids = new int[7];
        int found = 0;
        for (int i = from; i < length && found < ends.length; i++) {
            node = trie[node][word[i] - 'a'];
            if (node == 0) {
                break;
            }
            if (leaf[node] >= 0) {
                ends[found] = i + 1;
                ids[found] = leaf[node];
                found++;
            }
        }
        for (int k = found - 1; k >= 0; k--) {
            out[at + count] = ids[k];
            int result = split(word, ends[k], length, out, at, count + 1);
            if (result >= 0) {
                return result;
            }
        }
        return -1;
    }
}
