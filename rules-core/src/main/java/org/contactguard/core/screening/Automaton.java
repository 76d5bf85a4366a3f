package org.contactguard.core.screening;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over token symbols (an ideograph's folded char, a word's id, or a pinyin
 * syllable's id): every term of every concept is found in one left-to-right pass over a sentence's
 * tokens, whatever the number of terms. The root's moves are a dense array; other states keep their
 * few moves sorted. Immutable once built.
 */
final class Automaton {

    /**
     * The root's moves as an open-addressing table (symbol, target): a dense array over 65,536+
     * symbols would be a quarter megabyte of cache misses per token.
     */
    private final int[] rootKeys;
    private final int[] rootTargets;
    private final int rootMask;
    /** Which symbols the root moves on: most tokens start no term, and a bit says so without hashing. */
    private final long[] rootBits;
    private final int[][] keys;
    private final int[][] targets;
    private final int[] fail;
    /** Per state: the concepts of the terms ending here (through failure links too) and their lengths. */
    private final int[][] outConcept;
    private final int[][] outLength;

    private Automaton(List<Map<Integer, Integer>> moves, List<List<int[]>> outputs) {
        int states = moves.size();
        keys = new int[states][];
        targets = new int[states][];
        for (int s = 0; s < states; s++) {
            int[] k = moves.get(s).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] t = new int[k.length];
            for (int i = 0; i < k.length; i++) {
                t[i] = moves.get(s).get(k[i]);
            }
            keys[s] = k;
            targets[s] = t;
        }
        int slots = Integer.highestOneBit(Math.max(4, keys[0].length * 4) - 1) << 1;
        rootKeys = new int[slots];
        rootTargets = new int[slots];
        rootMask = slots - 1;
        Arrays.fill(rootKeys, -1);
        int maxSymbol = 0;
        for (int key : keys[0]) {
            maxSymbol = Math.max(maxSymbol, key);
        }
        rootBits = new long[maxSymbol / 64 + 1];
        for (int key : keys[0]) {
            rootBits[key >>> 6] |= 1L << key;
        }
        for (int i = 0; i < keys[0].length; i++) {
            int slot = mix(keys[0][i]) & rootMask;
            while (rootKeys[slot] >= 0) {
                slot = (slot + 1) & rootMask;
            }
            rootKeys[slot] = keys[0][i];
            rootTargets[slot] = targets[0][i];
        }
        fail = new int[states];
        List<List<int[]>> out = new ArrayList<>(outputs);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : targets[0]) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.remove();
            for (int i = 0; i < keys[s].length; i++) {
                int symbol = keys[s][i];
                int child = targets[s][i];
                int f = fail[s];
                int next;
                while (true) {
                    next = move(f, symbol);
                    if (next >= 0 || f == 0) {
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = next > 0 && next != child ? next : 0;
                List<int[]> merged = new ArrayList<>(out.get(child));
                merged.addAll(out.get(fail[child]));
                out.set(child, merged);
                queue.add(child);
            }
        }
        outConcept = new int[states][];
        outLength = new int[states][];
        for (int s = 0; s < states; s++) {
            outConcept[s] = out.get(s).stream().mapToInt(o -> o[0]).toArray();
            outLength[s] = out.get(s).stream().mapToInt(o -> o[1]).toArray();
        }
    }

    /** The move from {@code state} on {@code symbol}, or -1 (the root moves to itself: 0). */
    private int move(int state, int symbol) {
        if (state == 0) {
            if (symbol < 0 || symbol >>> 6 >= rootBits.length || (rootBits[symbol >>> 6] & 1L << symbol) == 0) {
                return 0;
            }
            for (int slot = mix(symbol) & rootMask; ; slot = (slot + 1) & rootMask) {
                int key = rootKeys[slot];
                if (key == symbol) {
                    return rootTargets[slot];
                }
                if (key < 0) {
                    return 0;
                }
            }
        }
        int i = Arrays.binarySearch(keys[state], symbol);
        return i >= 0 ? targets[state][i] : -1;
    }

    private static int mix(int symbol) {
        int h = symbol * 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    /** The state after reading {@code symbol} in {@code state}; a negative symbol (unknown) returns to the root. */
    int next(int state, int symbol) {
        if (symbol < 0) {
            return 0;
        }
        int s = state;
        while (true) {
            int n = move(s, symbol);
            if (n >= 0) {
                return n;
            }
            s = fail[s];
        }
    }

    int[] concepts(int state) {
        return outConcept[state];
    }

    int[] lengths(int state) {
        return outLength[state];
    }

    boolean isEmpty() {
        return keys[0].length == 0;
    }

    /** Collects terms, then builds. */
    static final class Builder {
        private final List<Map<Integer, Integer>> moves = new ArrayList<>();
        private final List<List<int[]>> outputs = new ArrayList<>();

        Builder() {
            newState();
        }

        private int newState() {
            moves.add(new HashMap<>());
            outputs.add(new ArrayList<>());
            return moves.size() - 1;
        }

        void add(int[] symbols, int concept) {
            int s = 0;
            for (int symbol : symbols) {
                Integer next = moves.get(s).get(symbol);
                if (next == null) {
                    next = newState();
                    moves.get(s).put(symbol, next);
                }
                s = next;
            }
            for (int[] o : outputs.get(s)) {
                if (o[0] == concept) {
                    return;
                }
            }
            outputs.get(s).add(new int[] {concept, symbols.length});
        }

        Automaton build() {
            return new Automaton(moves, outputs);
        }
    }
}
