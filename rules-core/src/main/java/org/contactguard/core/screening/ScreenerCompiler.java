package org.contactguard.core.screening;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks a pack's screening files and compiles them into a {@link Screener}. Every problem
 * is collected with its file and line; any problem fails the load (see docs/screening.md for the format).
 */
final class ScreenerCompiler {

    static final String PATTERNS = "patterns.txt";
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern GAP = Pattern.compile("(~~?)(\\d{1,2})");
    private static final Pattern UNLESS = Pattern.compile(
            "unless\\s+(\\S+)\\s+(?:(before|after)\\s+(\\d{1,2})|(inside))(?:\\s+except\\s+(\\S+))?");
    private static final int MAX_EXPANSIONS = 256;

    private final ScreeningSource source;
    private final List<ScreeningProblem> problems = new ArrayList<>();
    private final ScreeningTables tables = ScreeningTables.get();
    private final Syllables syllables = new Syllables(tables.syllables);
    private final WordTable words = new WordTable();
    private final Map<String, Integer> concepts = new LinkedHashMap<>();
    private final Map<String, String> conceptWhere = new HashMap<>();
    private final Automaton.Builder text = new Automaton.Builder();
    private final Automaton.Builder sound = new Automaton.Builder();
    private boolean anySound;
    private char[] fold;
    private int[] info;

    ScreenerCompiler(ScreeningSource source) {
        this.source = source;
    }

    /** A line of patterns.txt kept until every lexicon is read. */
    private record Line(String file, int number, String text) {
    }

    private record Draft(String name, Line declared, List<Line> matches, List<Line> unless, List<Line> scope) {
    }

    Screener compile() {
        fold = tables.fold.clone();
        Optional<ScreeningSource.Text> patterns = read(PATTERNS, null, 0);
        if (patterns.isEmpty()) {
            throw new ScreeningLoadException(problems.isEmpty()
                    ? List.of(new ScreeningProblem(source.describe(PATTERNS), 0, "no patterns file"))
                    : problems);
        }
        String file = patterns.get().name();
        List<String> lexicons = new ArrayList<>();
        List<Line> lexiconLines = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        String[] lines = patterns.get().content().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String rest = parts.length > 1 ? parts[1].strip() : "";
            switch (parts[0]) {
                case "lexicon" -> {
                    lexicons.add(rest);
                    lexiconLines.add(new Line(file, number, rest));
                }
                case "equivalents" -> readEquivalents(rest, file, number);
                case "concern" -> {
                    if (!NAME.matcher(rest).matches()) {
                        problem(file, number, "a concern's name is upper case letters, digits and _: '" + rest + "'");
                    } else if (drafts.stream().anyMatch(d -> d.name().equals(rest))) {
                        problem(file, number, "concern " + rest + " is declared twice");
                    }
                    drafts.add(new Draft(rest, new Line(file, number, rest), new ArrayList<>(), new ArrayList<>(),
                            new ArrayList<>()));
                }
                case "match", "unless", "scope" -> {
                    if (drafts.isEmpty()) {
                        problem(file, number, "'" + parts[0] + "' before any 'concern'");
                    } else if (parts[0].equals("scope")) {
                        if (!rest.equals("sentence") && !rest.equals("message")) {
                            problem(file, number, "a scope is 'sentence' or 'message', found '" + rest + "'");
                        }
                        drafts.get(drafts.size() - 1).scope().add(new Line(file, number, rest));
                    } else if (parts[0].equals("match")) {
                        drafts.get(drafts.size() - 1).matches().add(new Line(file, number, rest));
                    } else {
                        drafts.get(drafts.size() - 1).unless().add(new Line(file, number, line));
                    }
                }
                default -> problem(file, number, "unknown directive '" + parts[0]
                        + "' (expected lexicon, equivalents, concern, scope, match or unless)");
            }
        }
        // Equivalences fold before any term is read, so terms and messages fold alike.
        info = tables.info(fold);
        for (int i = 0; i < lexicons.size(); i++) {
            readLexicon(lexicons.get(i), lexiconLines.get(i));
        }
        List<Screener.Concern> compiled = new ArrayList<>();
        for (Draft draft : drafts) {
            compiled.add(compileConcern(draft));
        }
        if (drafts.isEmpty()) {
            problem(file, 0, "no concern is declared");
        }
        if (!problems.isEmpty()) {
            throw new ScreeningLoadException(problems);
        }
        return new Screener(info, words, syllables, text.build(),
                anySound ? sound.build() : null, compiled.toArray(Screener.Concern[]::new));
    }

    private Screener.Concern compileConcern(Draft draft) {
        List<Screener.Alternative> alternatives = new ArrayList<>();
        for (Line line : draft.matches()) {
            String[] parts = line.text().split("\\s+");
            List<Integer> ids = new ArrayList<>();
            List<Integer> gaps = new ArrayList<>();
            List<Boolean> either = new ArrayList<>();
            boolean ok = parts.length % 2 == 1 && !line.text().isEmpty();
            for (int i = 0; ok && i < parts.length; i++) {
                if (i % 2 == 0) {
                    Integer id = concepts.get(parts[i]);
                    if (id == null) {
                        problem(line.file(), line.number(), "unknown concept '" + parts[i] + "'"
                                + (NAME.matcher(parts[i]).matches() ? " (no lexicon defines it)" : ""));
                        ok = false;
                    } else {
                        ids.add(id);
                    }
                } else {
                    Matcher gap = GAP.matcher(parts[i]);
                    if (!gap.matches()) {
                        problem(line.file(), line.number(), "expected a gap like ~3 or ~~3 between concepts, found '" + parts[i] + "'");
                        ok = false;
                    } else {
                        gaps.add(Integer.parseInt(gap.group(2)));
                        either.add(gap.group(1).length() == 2);
                    }
                }
            }
            if (!ok) {
                if (parts.length % 2 == 0 || line.text().isEmpty()) {
                    problem(line.file(), line.number(), "a match is CONCEPT, or CONCEPT ~n CONCEPT …: '" + line.text() + "'");
                }
                continue;
            }
            int[] g = new int[ids.size()];
            boolean[] e = new boolean[ids.size()];
            for (int i = 1; i < ids.size(); i++) {
                g[i] = gaps.get(i - 1);
                e[i] = either.get(i - 1);
            }
            alternatives.add(new Screener.Alternative(ids.stream().mapToInt(Integer::intValue).toArray(), g, e,
                    line.file() + ":" + line.number()));
        }
        if (draft.matches().isEmpty()) {
            problem(draft.declared().file(), draft.declared().number(), "concern " + draft.name() + " has no 'match' line");
        }
        List<Screener.Unless> unless = new ArrayList<>();
        for (Line line : draft.unless()) {
            Matcher m = UNLESS.matcher(line.text());
            if (!m.matches()) {
                problem(line.file(), line.number(),
                        "expected 'unless CONCEPT before n|after n|inside [except CONCEPT]': '" + line.text() + "'");
                continue;
            }
            Integer id = concepts.get(m.group(1));
            Integer except = m.group(5) == null ? Integer.valueOf(-1) : concepts.get(m.group(5));
            if (id == null || except == null) {
                problem(line.file(), line.number(), "unknown concept '" + (id == null ? m.group(1) : m.group(5)) + "'");
                continue;
            }
            Screener.Where where = m.group(4) != null ? Screener.Where.INSIDE
                    : m.group(2).equals("before") ? Screener.Where.BEFORE : Screener.Where.AFTER;
            unless.add(new Screener.Unless(id, where, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), except));
        }
        boolean wholeMessage = draft.scope().stream().anyMatch(l -> l.text().equals("message"));
        return new Screener.Concern(draft.name(), alternatives.toArray(Screener.Alternative[]::new),
                unless.toArray(Screener.Unless[]::new), wholeMessage);
    }

    private Optional<ScreeningSource.Text> read(String name, String fromFile, int fromLine) {
        try {
            Optional<ScreeningSource.Text> text = source.read(name);
            if (text.isEmpty() && fromFile != null) {
                problem(fromFile, fromLine, "file '" + name + "' not found (" + source.describe(name) + ")");
            }
            return text;
        } catch (IOException e) {
            throw new ScreeningLoadException(new ScreeningProblem(source.describe(name), 0, "cannot read: " + e.getMessage()), e);
        }
    }

    private void readEquivalents(String name, String fromFile, int fromLine) {
        Optional<ScreeningSource.Text> text = read(name, fromFile, fromLine);
        if (text.isEmpty()) {
            return;
        }
        String[] lines = text.get().content().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] pair = line.split("\\s+");
            if (pair.length != 2 || pair[0].length() != 1 || pair[1].length() != 1) {
                problem(text.get().name(), i + 1, "an equivalence is two characters: 'variant standard', found '" + line + "'");
                continue;
            }
            char from = fold[pair[0].charAt(0)];
            char to = fold[pair[1].charAt(0)];
            for (int c = 0; c < fold.length; c++) {
                if (fold[c] == from) {
                    fold[c] = to;
                }
            }
        }
    }

    private void readLexicon(String name, Line declared) {
        Optional<ScreeningSource.Text> text = read(name, declared.file(), declared.number());
        if (text.isEmpty()) {
            return;
        }
        String file = text.get().name();
        String[] lines = text.get().content().split("\r?\n", -1);
        int concept = -1;
        String conceptName = null;
        int conceptLine = 0;
        int terms = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (conceptName != null && terms == 0) {
                    problem(file, conceptLine, "concept " + conceptName + " has no terms");
                }
                String n = line.endsWith("]") ? line.substring(1, line.length() - 1).strip() : "";
                if (!NAME.matcher(n).matches()) {
                    problem(file, number, "a concept header is [NAME] in upper case letters, digits and _: '" + line + "'");
                    concept = -1;
                    conceptName = null;
                    continue;
                }
                if (concepts.containsKey(n)) {
                    problem(file, number, "concept " + n + " is already defined at " + conceptWhere.get(n));
                }
                concept = concepts.computeIfAbsent(n, k -> concepts.size());
                conceptWhere.putIfAbsent(n, file + ":" + number);
                conceptName = n;
                conceptLine = number;
                terms = 0;
                continue;
            }
            if (conceptName == null) {
                problem(file, number, "a term before any [CONCEPT] header: '" + line + "'");
                continue;
            }
            boolean bySound = false;
            String term = line;
            if (term.endsWith("~sound")) {
                bySound = true;
                term = term.substring(0, term.length() - "~sound".length()).strip();
            } else if (term.matches(".*\\s~\\S*$")) {
                problem(file, number, "unknown term flag in '" + line + "' (the only flag is ~sound)");
                continue;
            }
            List<String> expanded = expand(term, file, number);
            for (String variant : expanded) {
                if (addTerm(variant, concept, bySound, file, number)) {
                    terms++;
                }
            }
        }
        if (conceptName != null && terms == 0) {
            problem(file, conceptLine, "concept " + conceptName + " has no terms");
        }
    }

    /** Expands {a,b} alternatives: arrest{,ed,s} → arrest, arrested, arrests. */
    private List<String> expand(String term, String file, int line) {
        int open = term.indexOf('{');
        if (open < 0) {
            if (term.indexOf('}') >= 0) {
                problem(file, line, "'}' without '{' in '" + term + "'");
                return List.of();
            }
            return List.of(term);
        }
        int close = term.indexOf('}', open);
        if (close < 0) {
            problem(file, line, "'{' without '}' in '" + term + "'");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String option : term.substring(open + 1, close).split(",", -1)) {
            for (String tail : expand(term.substring(close + 1), file, line)) {
                out.add(term.substring(0, open) + option + tail);
                if (out.size() > MAX_EXPANSIONS) {
                    problem(file, line, "more than " + MAX_EXPANSIONS + " spellings from '" + term + "'");
                    return List.of();
                }
            }
        }
        return out;
    }

    private boolean addTerm(String term, int concept, boolean bySound, String file, int line) {
        Scan scan = new Scan(info, words, true, syllables, term.length());
        scan.run(term);
        if (scan.count == 0) {
            problem(file, line, "the term '" + term + "' has no letters, digits or ideographs");
            return false;
        }
        if (scan.sentences > 1 || scan.clause[0] != scan.clause[scan.count - 1]) {
            problem(file, line, "the term '" + term + "' spans a clause or sentence break (, : ; . ! ?)");
            return false;
        }
        if (scan.anyDroppable) {
            problem(file, line, "the term '" + term + "' has a lone letter or digit between ideographs, which matching ignores");
            return false;
        }
        int[] symbols = java.util.Arrays.copyOf(scan.symbol, scan.count);
        for (int s : symbols) {
            if (s >= Scan.WORD_BASE) {
                aliasVariants(s - Scan.WORD_BASE);
            }
        }
        text.add(symbols, concept);
        if (bySound) {
            int[] syllableIds = java.util.Arrays.copyOf(scan.sound, scan.soundCount);
            for (int id : syllableIds) {
                if (id < 0) {
                    problem(file, line, "the term '" + term + "' is marked ~sound but part of it has no pinyin");
                    return false;
                }
            }
            sound.add(syllableIds, concept);
            anySound = true;
        }
        return true;
    }

    private final Map<Integer, Boolean> aliased = new HashMap<>();

    /**
     * Spellings a word takes to dodge a filter, as other keys of the same word: an inner run of
     * letters masked ({@code sh*t}, {@code f**k}), and l written as 1 (which reads as i).
     */
    private void aliasVariants(int id) {
        if (aliased.putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        char[] word = wordOf(id);
        if (word == null || word.length < 3) {
            return;
        }
        for (char c : word) {
            if (c < 'a' || c > 'z') {
                return;
            }
        }
        List<char[]> spellings = new ArrayList<>();
        spellings.add(word);
        if (new String(word).indexOf('l') >= 0) {
            spellings.add(new String(word).replace('l', 'i').toCharArray());
        }
        for (char[] spelling : spellings) {
            words.alias(spelling, id);
            for (int from = 1; from < spelling.length - 1; from++) {
                for (int to = from; to < spelling.length - 1; to++) {
                    char[] masked = spelling.clone();
                    java.util.Arrays.fill(masked, from, to + 1, '*');
                    words.alias(masked, id);
                }
            }
        }
    }

    private char[] wordOf(int id) {
        return words.word(id);
    }

    private void problem(String file, int line, String message) {
        problems.add(new ScreeningProblem(file, line, message));
    }
}
