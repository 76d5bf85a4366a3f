package org.contactguard.core.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An editable list of terms that content rules screen message text against, e.g. the threats a
 * collector must never write. A pack declares a parameter of this type and points it at a file
 * relative to the pack folder ({@code threatTerms = terms/threats.txt}); the engine reads it at
 * load, reports problems with file and line, includes its content in the rule-set version, and
 * reads it again on reload. In DRL:
 *
 * <pre>{@code
 * CnParameters($threats : threatTerms)
 * $action : ProposedAction($threats.foundIn(content))
 * }</pre>
 *
 * <p>File format: UTF-8, one term per line, blank lines ignored, {@code #} starts a comment line.
 * Terms and text are both {@linkplain TextNormalizer#normalize normalised} before matching, so a
 * term matches when its normalised form occurs anywhere in the normalised text: regardless of
 * width, case, inserted spaces or punctuation, and Traditional or Simplified script. Terms that
 * normalise alike (a Traditional spelling of a Simplified one) are kept once.
 */
public final class TermList {

    /** A problem with one line of a term-list file. */
    public record Problem(int line, String message) {
    }

    /**
     * The last text normalised and its normal form. Immutable, so a memo read by another thread is
     * always whole; keyed by the identity of the text (a String never changes, so the same object
     * always has the same normal form).
     */
    private record Memo(String text, String normal) {
    }

    /** Number of memo slots (a power of two); each thread hashes to one. */
    private static final int MEMO_SLOTS = 64;

    /**
     * One memo per slot, shared by all lists: a decision screens the same content string against
     * every list of its pack, one after the other on one thread, so the text is normalised once
     * rather than once per list. Threads that share a slot only overwrite each other's memo (a
     * miss, never a wrong answer). No locks, nothing kept per thread beyond one text per slot.
     */
    private static final AtomicReferenceArray<Memo> MEMOS = new AtomicReferenceArray<>(MEMO_SLOTS);

    private final String source;
    private final List<String> terms;
    private final List<String> normalized;
    private final String digest;

    private TermList(String source, List<String> terms, List<String> normalized, String digest) {
        this.source = source;
        this.terms = List.copyOf(terms);
        this.normalized = List.copyOf(normalized);
        this.digest = digest;
    }

    /** A list of {@code terms} (each a term as written), named {@code source} in messages. */
    public static TermList of(String source, List<String> terms) {
        List<Problem> problems = new ArrayList<>();
        TermList list = parse(source, String.join("\n", terms), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + problems);
        }
        return list;
    }

    /**
     * Parses a term-list file's {@code text}; problems (a term with no letters or digits, an empty
     * list) are added to {@code problems} with their line, and the terms that are usable are kept.
     */
    public static TermList parse(String source, String text, List<Problem> problems) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Map<String, String> byNormalized = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String term = line.strip();
            if (term.isEmpty() || term.startsWith("#")) {
                continue;
            }
            String key = TextNormalizer.normalize(term);
            if (key.isEmpty()) {
                problems.add(new Problem(i + 1, "term '" + term
                        + "' has no letters or digits, so it would match every text; remove it"));
            } else {
                byNormalized.putIfAbsent(key, term);
            }
        }
        if (byNormalized.isEmpty()) {
            problems.add(new Problem(0, "holds no terms; a list that matches nothing would switch its rule off"));
        }
        return new TermList(source, new ArrayList<>(byNormalized.values()), new ArrayList<>(byNormalized.keySet()),
                sha256(String.join("\n", byNormalized.keySet())));
    }

    /** Where the list was read from, e.g. {@code rules/cn/terms/threats.txt}. */
    public String source() {
        return source;
    }

    /** The terms as written, in file order, one per distinct normalised form. */
    public List<String> terms() {
        return terms;
    }

    /** Number of distinct terms. */
    public int size() {
        return terms.size();
    }

    /** SHA-256 (hex) of the normalised terms: what the rule-set version depends on. */
    public String digest() {
        return digest;
    }

    /** True when some term occurs in {@code text} after normalisation; false for null or empty text. */
    public boolean matches(String text) {
        return firstMatch(text) != null;
    }

    /**
     * Same as {@link #matches}, named to read well in DRL, where {@code matches} and {@code contains}
     * are operators: {@code ProposedAction($threats.foundIn(content))}.
     */
    public boolean foundIn(String text) {
        return firstMatch(text) != null;
    }

    /** The first term (in file order, as written) that occurs in {@code text}, or null. */
    public String firstMatch(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String normal = normalized(text);
        for (int i = 0; i < normalized.size(); i++) {
            if (normal.contains(normalized.get(i))) {
                return terms.get(i);
            }
        }
        return null;
    }

    /**
     * {@link TextNormalizer#normalize}{@code (text)}, from this thread's memo slot when the same
     * text object was normalised last there.
     */
    static String normalized(String text) {
        int h = System.identityHashCode(Thread.currentThread());
        int slot = (h ^ (h >>> 16)) & (MEMO_SLOTS - 1);
        Memo memo = MEMOS.get(slot);
        if (memo != null && memo.text() == text) {
            return memo.normal();
        }
        String normal = TextNormalizer.normalize(text);
        MEMOS.set(slot, new Memo(text, normal));
        return normal;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TermList list && list.source.equals(source) && list.digest.equals(digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, digest);
    }

    /** The source, size and digest: parameter listings and the rule-set version read this. */
    @Override
    public String toString() {
        return "TermList[" + source + ", " + terms.size() + " terms, sha256 " + digest + "]";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
