package org.contactguard.core.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Screens message text for a pack's concerns (threats, impersonation, disclosure…): lexicons of
 * concepts, combined by proximity patterns within one sentence, with negation and warning scope, so
 * "we will have you arrested" matches and "no one will arrest you" does not. Immutable and safe to
 * share between threads (each thread keeps its own scratch buffers); built once per pack by {@link #load}.
 *
 * <pre>{@code
 * Screener cn = Screener.load(ScreeningSource.classpath(loader, "rules/cn/screening"));
 * ScreeningResult found = cn.screen("我是朝阳区人民法院执行庭的，你的案子已经立案");
 * found.has("IMPERSONATION");   // true, with the span and the sentence as evidence
 * }</pre>
 *
 * <p>Cost: one pass over the text through precomputed tables, then one automaton pass over each
 * sentence's tokens; patterns are evaluated only on the few concept hits. See docs/screening.md.
 */
public final class Screener {

    /** A compiled pattern alternative: concepts in sequence, each after the previous within a gap. */
    record Alternative(int[] concepts, int[] gaps, boolean[] eitherOrder, String source) {
    }

    /**
     * A compiled "unless": a hit of {@code concept} within {@code distance} tokens before or after a
     * match in the same clause, or inside it, discards the match; a hit lying within a hit of
     * {@code except} (a condition such as "if you do not pay") does not count.
     */
    record Unless(int concept, Where where, int distance, int except) {
    }

    /** Where an unless concept is looked for. */
    enum Where { BEFORE, AFTER, INSIDE }

    /** A compiled concern; {@code wholeMessage}: its patterns may span sentences (a court-styled letter). */
    record Concern(String name, Alternative[] alternatives, Unless[] unless, boolean wholeMessage) {
    }

    private final int[] info;
    private final WordTable words;
    private final Syllables syllables;
    private final Automaton text;
    private final Automaton sound;
    private final Concern[] concerns;
    private final boolean anyWholeMessage;
    /**
     * Each thread's token buffers, reused from message to message: allocating and zeroing them per
     * message cost more than the matching. Messages longer than {@link #REUSED_SCAN_LIMIT} get their
     * own buffers, so one huge text does not pin memory to a thread.
     */
    private final ThreadLocal<Scan> scans = ThreadLocal.withInitial(() -> newScan(512));
    private static final int REUSED_SCAN_LIMIT = 8192;
    /** Per concept: the (concern, alternative) pairs whose pattern starts with it. */
    private final int[][][] startingWith;

    Screener(int[] info, WordTable words, Syllables syllables, Automaton text, Automaton sound, Concern[] concerns) {
        this.info = info;
        this.words = words;
        this.syllables = syllables;
        this.text = text;
        this.sound = sound;
        this.concerns = concerns;
        boolean any = false;
        for (Concern c : concerns) {
            any |= c.wholeMessage();
        }
        this.anyWholeMessage = any;
        // Index the alternatives by their first concept, so a sentence's hits try only the patterns they can start.
        int max = 0;
        for (Concern c : concerns) {
            for (Alternative a : c.alternatives()) {
                for (int concept : a.concepts()) {
                    max = Math.max(max, concept + 1);
                }
            }
        }
        List<List<int[]>> byFirst = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            byFirst.add(new ArrayList<>());
        }
        for (int c = 0; c < concerns.length; c++) {
            for (int a = 0; a < concerns[c].alternatives().length; a++) {
                byFirst.get(concerns[c].alternatives()[a].concepts()[0]).add(new int[] {c, a});
            }
        }
        startingWith = new int[max][][];
        for (int i = 0; i < max; i++) {
            startingWith[i] = byFirst.get(i).toArray(int[][]::new);
        }
    }

    /**
     * Loads and compiles a pack's screening files: {@code patterns.txt} and the files it names.
     *
     * @param source where the files are
     * @return the screener
     * @throws ScreeningLoadException listing every problem, with file and line
     */
    public static Screener load(ScreeningSource source) {
        return new ScreenerCompiler(Objects.requireNonNull(source, "source")).compile();
    }

    /** @return the names of the concerns this screener reports, in the order the patterns declare them */
    public List<String> concerns() {
        List<String> names = new ArrayList<>();
        for (Concern c : concerns) {
            names.add(c.name());
        }
        return List.copyOf(names);
    }

    /**
     * Screens one message.
     *
     * @param message the text; null or empty finds nothing
     * @return every concern found, with evidence
     */
    public ScreeningResult screen(String message) {
        if (message == null || message.isEmpty()) {
            return ScreeningResult.NONE;
        }
        Scan scan;
        if (message.length() <= REUSED_SCAN_LIMIT) {
            scan = scans.get();
            scan.reset(message.length());
        } else {
            scan = newScan(message.length());
        }
        scan.run(message);
        Hits hits = new Hits();
        Hits messageHits = anyWholeMessage ? new Hits() : null;
        List<ConcernMatch> found = null;
        int tokenFrom = 0;
        int soundFrom = 0;
        for (int s = 0; s < scan.sentences; s++) {
            int tokenTo = scan.sentenceTokenEnd[s];
            hits.clear();
            feed(scan, tokenFrom, tokenTo, false, hits);
            if (scan.anyDroppable) {
                feed(scan, tokenFrom, tokenTo, true, hits);
            }
            if (sound != null) {
                int soundTo = scan.sentenceSoundEnd[s];
                int state = 0;
                for (int k = soundFrom; k < soundTo; k++) {
                    state = sound.next(state, scan.sound[k]);
                    int[] concepts = sound.concepts(state);
                    for (int o = 0; o < concepts.length; o++) {
                        int first = k - sound.lengths(state)[o] + 1;
                        hits.add(concepts[o], scan.soundToken[first], scan.soundToken[k], true);
                    }
                }
                soundFrom = soundTo;
            }
            if (hits.size > 0) {
                found = evaluate(message, scan, s, hits, false, found);
                if (messageHits != null) {
                    messageHits.addAll(hits);
                }
            }
            tokenFrom = tokenTo;
        }
        if (messageHits != null && messageHits.size > 0) {
            found = evaluate(message, scan, -1, messageHits, true, found);
        }
        if (found == null) {
            return ScreeningResult.NONE;
        }
        found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : a.concern().compareTo(b.concern()));
        return new ScreeningResult(found);
    }

    private Scan newScan(int capacity) {
        return new Scan(info, words, false, sound == null ? null : syllables, capacity);
    }

    /** Runs the text automaton over a sentence's tokens; {@code skipDroppable} reads 坐1牢 as 坐牢. */
    private void feed(Scan scan, int from, int to, boolean skipDroppable, Hits hits) {
        int state = 0;
        int[] positions = skipDroppable ? new int[to - from] : null;
        int n = 0;
        for (int t = from; t < to; t++) {
            if (skipDroppable) {
                if (scan.droppable[t]) {
                    continue;
                }
                positions[n] = t;
            }
            n++;
            state = text.next(state, scan.symbol[t]);
            int[] concepts = text.concepts(state);
            if (concepts.length == 0) {
                continue;
            }
            int[] lengths = text.lengths(state);
            for (int o = 0; o < concepts.length; o++) {
                int first = skipDroppable ? positions[n - lengths[o]] : t - lengths[o] + 1;
                hits.add(concepts[o], first, t, false);
            }
        }
    }

    private List<ConcernMatch> evaluate(String message, Scan scan, int sentence, Hits hits, boolean wholeMessage,
            List<ConcernMatch> found) {
        List<ConcernMatch> out = found;
        // Sentence-scoped matches of different sentences never overlap: deduplicate against this sentence's only.
        hits.firstMatch = wholeMessage || found == null ? 0 : found.size();
        int size = hits.size; // accept() never adds hits, but be plain about the bound
        for (int h = 0; h < size; h++) {
            int concept = hits.concept[h];
            if (concept >= startingWith.length) {
                continue; // a concept only "unless" clauses use
            }
            for (int[] pair : startingWith[concept]) {
                Concern concern = concerns[pair[0]];
                if (concern.wholeMessage() != wholeMessage) {
                    continue;
                }
                out = extend(message, scan, sentence, hits, concern, concern.alternatives()[pair[1]], 1,
                        hits.from[h], hits.to[h], hits.bySound[h], out);
            }
        }
        return out;
    }

    private List<ConcernMatch> extend(String message, Scan scan, int sentence, Hits hits, Concern concern,
            Alternative alternative, int step, int from, int to, boolean bySound, List<ConcernMatch> found) {
        if (step == alternative.concepts().length) {
            return accept(message, scan, sentence, hits, concern, alternative, from, to, bySound, found);
        }
        List<ConcernMatch> out = found;
        int concept = alternative.concepts()[step];
        int gap = alternative.gaps()[step];
        for (int h = 0; h < hits.size; h++) {
            if (hits.concept[h] != concept) {
                continue;
            }
            int hFrom = hits.from[h];
            int hTo = hits.to[h];
            boolean after = hFrom > to && hFrom - to - 1 <= gap;
            boolean before = alternative.eitherOrder()[step] && hTo < from && from - hTo - 1 <= gap;
            if (after || before) {
                out = extend(message, scan, sentence, hits, concern, alternative, step + 1,
                        Math.min(from, hFrom), Math.max(to, hTo), bySound || hits.bySound[h], out);
            }
        }
        return out;
    }

    private List<ConcernMatch> accept(String message, Scan scan, int sentence, Hits hits, Concern concern,
            Alternative alternative, int from, int to, boolean bySound, List<ConcernMatch> found) {
        for (Unless unless : concern.unless()) {
            for (int h = 0; h < hits.size; h++) {
                if (hits.concept[h] != unless.concept()) {
                    continue;
                }
                boolean applies = switch (unless.where()) {
                    // A hit that overlaps the match counts too: 不构成 before 构成…犯罪, 老师 after 左老.
                    case BEFORE -> hits.from[h] < from && hits.to[h] < to && from - hits.to[h] - 1 <= unless.distance()
                            && scan.clause[hits.from[h]] == scan.clause[from];
                    case AFTER -> hits.to[h] > to && hits.from[h] > from && hits.from[h] - to - 1 <= unless.distance()
                            && scan.clause[hits.to[h]] == scan.clause[to];
                    case INSIDE -> hits.from[h] > from && hits.to[h] < to;
                };
                if (applies && !within(hits, h, unless.except())) {
                    return found;
                }
            }
        }
        int start = scan.start[from];
        int end = scan.end[to];
        List<ConcernMatch> out = found == null ? new ArrayList<>() : found;
        for (int i = hits.firstMatch; i < out.size(); i++) {
            ConcernMatch m = out.get(i);
            if (m.concern().equals(concern.name()) && m.start() <= start && m.end() >= end && (!m.bySound() || bySound)) {
                return out; // already reported, by an equal or wider span
            }
        }
        for (int i = out.size() - 1; i >= hits.firstMatch; i--) {
            ConcernMatch m = out.get(i);
            if (m.concern().equals(concern.name()) && start <= m.start() && end >= m.end() && (m.bySound() || !bySound)) {
                out.remove(i); // a wider span of the same concern replaces a narrower one
            }
        }
        int first = sentence >= 0 ? sentence : sentenceOf(scan, from);
        int last = sentence >= 0 ? sentence : sentenceOf(scan, to);
        int key = first * 100_003 + last;
        if (hits.sentenceKey != key) {
            hits.sentenceKey = key;
            hits.sentenceText = message.substring(scan.sentenceFrom[first], scan.sentenceTo[last]).strip();
        }
        out.add(new ConcernMatch(concern.name(), start, end, message.substring(start, end), hits.sentenceText,
                bySound, alternative.source()));
        return out;
    }

    private static int sentenceOf(Scan scan, int token) {
        int s = 0;
        while (scan.sentenceTokenEnd[s] <= token) {
            s++;
        }
        return s;
    }

    /** Whether hit {@code h} lies within a hit of {@code concept} (-1: none). */
    private static boolean within(Hits hits, int h, int concept) {
        if (concept < 0) {
            return false;
        }
        for (int i = 0; i < hits.size; i++) {
            if (hits.concept[i] == concept && hits.from[i] <= hits.from[h] && hits.to[i] >= hits.to[h]) {
                return true;
            }
        }
        return false;
    }

    /** The concept hits of one sentence: concept id and first and last token. */
    private static final class Hits {
        int size;
        int[] concept = new int[8];
        int[] from = new int[8];
        int[] to = new int[8];
        boolean[] bySound = new boolean[8];
        /** The evidence sentence last quoted, kept so matches in one sentence share one string. */
        int sentenceKey = -1;
        /** Index in the match list of the first match of the sentence being evaluated. */
        int firstMatch;
        String sentenceText;

        void clear() {
            size = 0;
        }

        void addAll(Hits other) {
            for (int i = 0; i < other.size; i++) {
                add(other.concept[i], other.from[i], other.to[i], other.bySound[i]);
            }
        }

        void add(int c, int first, int last, boolean sound) {
            for (int i = 0; i < size; i++) {
                if (concept[i] == c && from[i] == first && to[i] == last) {
                    return; // the same hit from another view
                }
            }
            if (size == concept.length) {
                int n = size * 2;
                concept = java.util.Arrays.copyOf(concept, n);
                from = java.util.Arrays.copyOf(from, n);
                to = java.util.Arrays.copyOf(to, n);
                bySound = java.util.Arrays.copyOf(bySound, n);
            }
            concept[size] = c;
            from[size] = first;
            to[size] = last;
            bySound[size] = sound;
            size++;
        }
    }
}
