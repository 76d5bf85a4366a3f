package org.contactguard.catalog.screening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.contactguard.core.screening.Screener;
import org.contactguard.core.screening.ScreeningSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped screening files against labelled corpora: every concern must find at least 95% of the
 * sentences labelled with it and flag at most 2% of the others, and at most 2% of the lawful sentences
 * may be flagged with any prohibited concern. Each hand-written line is also screened in adversarial
 * spellings (Traditional script, separators between ideographs; homoglyphs, full width). Prints the
 * confusion table.
 */
class ScreeningCorpusTest {

    private static final double MIN_RECALL = 0.95;
    private static final double MAX_FALSE_POSITIVES = 0.02;

    private static final Map<String, String> CN_CODES = codes("T", "THREAT", "I", "IMPERSONATION", "L", "LAWYER_CLAIM",
            "C", "LEGAL_CONSEQUENCE", "N", "INSULT", "R", "FALSE_RECORD", "B", "NEW_BORROWING", "F", "EXTRA_FEES",
            "X", "DISCLOSURE_THREAT", "D", "DEBT_MENTION");
    private static final Map<String, String> EN_CODES = codes("P", "PROFANITY", "V", "VIOLENCE", "A", "ARREST_THREAT",
            "I", "IMPERSONATION", "L", "LAWYER_CLAIM", "E", "ENFORCEMENT", "U", "FALSE_URGENCY",
            "X", "DISCLOSURE_THREAT", "D", "DEBT_MENTION");
    /** Concerns that report a fact a rule weighs with the recipient or the collector, not a prohibition. */
    private static final Set<String> INFORMATIONAL = Set.of("DEBT_MENTION", "LAWYER_CLAIM");

    private static final String[] SEPARATORS = {" ", "\u200B", "·", "\uD83D\uDE00"};

    @Test
    void chineseCorpusMeetsRecallAndFalsePositiveThresholds() throws IOException {
        Transliterator traditional = Transliterator.getInstance("Simplified-Traditional");
        check("cn", "screening/cn-corpus.tsv", CN_CODES, 400,
                List.of(traditional::transliterate, ScreeningCorpusTest::separated));
    }

    @Test
    void englishCorpusMeetsRecallAndFalsePositiveThresholds() throws IOException {
        check("us-regf", "screening/en-corpus.tsv", EN_CODES, 200,
                List.of(ScreeningCorpusTest::homoglyphs, ScreeningCorpusTest::fullWidth));
    }

    private record Sample(Set<String> labels, String text, int line, boolean variant) {
    }

    private void check(String pack, String corpus, Map<String, String> codes, int minimumSentences,
            List<UnaryOperator<String>> variants) throws IOException {
        Screener screener = Screener.load(ScreeningSource.classpath(getClass().getClassLoader(), "rules/" + pack + "/screening"));
        List<Sample> samples = read(corpus, codes, variants);
        Map<String, int[]> table = new LinkedHashMap<>(); // concern -> tp, fn, fp, tn
        screener.concerns().forEach(c -> table.put(c, new int[4]));
        List<String> misses = new ArrayList<>();
        int lawful = 0;
        int lawfulFlagged = 0;
        for (Sample sample : samples) {
            Set<String> found = screener.screen(sample.text()).concerns();
            for (Map.Entry<String, int[]> row : table.entrySet()) {
                boolean expected = sample.labels().contains(row.getKey());
                boolean got = found.contains(row.getKey());
                row.getValue()[expected ? (got ? 0 : 1) : (got ? 2 : 3)]++;
                if (expected != got) {
                    misses.add(String.format("  line %d%s %s %s: %s", sample.line(), sample.variant() ? " (variant)" : "",
                            expected ? "missed" : "false", row.getKey(), sample.text()));
                }
            }
            if (sample.labels().stream().allMatch(INFORMATIONAL::contains)) {
                lawful++;
                if (found.stream().anyMatch(c -> !INFORMATIONAL.contains(c))) {
                    lawfulFlagged++;
                }
            }
        }
        StringBuilder report = new StringBuilder(String.format("%n%s screening corpus: %d sentences (%d hand-written), %d lawful%n",
                pack, samples.size(), samples.stream().filter(s -> !s.variant()).count(), lawful));
        report.append(String.format("%-20s %6s %6s %6s %6s %8s %8s%n", "concern", "TP", "FN", "FP", "TN", "recall", "FP rate"));
        List<String> failures = new ArrayList<>();
        table.forEach((concern, c) -> {
            double recall = c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
            double fpRate = c[2] + c[3] == 0 ? 0 : (double) c[2] / (c[2] + c[3]);
            report.append(String.format("%-20s %6d %6d %6d %6d %7.1f%% %7.2f%%%n", concern, c[0], c[1], c[2], c[3],
                    100 * recall, 100 * fpRate));
            if (c[0] + c[1] == 0) {
                failures.add(concern + " has no labelled sentence");
            }
            if (recall < MIN_RECALL) {
                failures.add(String.format("%s recall %.1f%% < %.0f%%", concern, 100 * recall, 100 * MIN_RECALL));
            }
            if (fpRate > MAX_FALSE_POSITIVES) {
                failures.add(String.format("%s false positives %.2f%% > %.0f%%", concern, 100 * fpRate, 100 * MAX_FALSE_POSITIVES));
            }
        });
        double lawfulRate = lawful == 0 ? 0 : (double) lawfulFlagged / lawful;
        report.append(String.format("lawful sentences flagged with a prohibited concern: %d of %d (%.2f%%)%n",
                lawfulFlagged, lawful, 100 * lawfulRate));
        if (lawfulRate > MAX_FALSE_POSITIVES) {
            failures.add(String.format("lawful sentences flagged %.2f%% > %.0f%%", 100 * lawfulRate, 100 * MAX_FALSE_POSITIVES));
        }
        if (samples.size() < minimumSentences) {
            failures.add("only " + samples.size() + " sentences, fewer than " + minimumSentences);
        }
        if (lawful * 2 < samples.size() * 0.8) {
            failures.add("only " + lawful + " lawful sentences of " + samples.size());
        }
        report.append(misses.size()).append(" mismatches").append(misses.isEmpty() ? "" : ":").append('\n');
        misses.stream().limit(400).forEach(m -> report.append(m).append('\n'));
        System.out.println(report);
        assertTrue(failures.isEmpty(), String.join("; ", failures) + report);
    }

    private static List<Sample> read(String corpus, Map<String, String> codes, List<UnaryOperator<String>> variants)
            throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = ScreeningCorpusTest.class.getClassLoader().getResourceAsStream(corpus)) {
            if (in == null) {
                throw new IOException(corpus + " is not on the test class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalArgumentException(corpus + ":" + (i + 1) + ": expected LABELS<TAB>text");
                }
                Set<String> labels = new TreeSet<>();
                String field = line.substring(0, tab).strip();
                if (!field.equals("-")) {
                    for (String code : field.split(",")) {
                        String concern = codes.get(code.strip());
                        if (concern == null) {
                            throw new IllegalArgumentException(corpus + ":" + (i + 1) + ": unknown label '" + code + "'");
                        }
                        labels.add(concern);
                    }
                }
                String text = line.substring(tab + 1);
                samples.add(new Sample(labels, text, i + 1, false));
                for (UnaryOperator<String> variant : variants) {
                    String changed = variant.apply(text);
                    if (!changed.equals(text)) {
                        samples.add(new Sample(labels, changed, i + 1, true));
                    }
                }
            }
        }
        return samples;
    }

    /** A separator (space, zero-width space, middle dot, emoji) between every two ideographs, in turn. */
    static String separated(String text) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (i + 1 < text.length() && isIdeograph(c) && isIdeograph(text.charAt(i + 1))) {
                out.append(SEPARATORS[n++ % SEPARATORS.length]);
            }
        }
        return out.toString();
    }

    private static boolean isIdeograph(char c) {
        return c >= '\u4E00' && c <= '\u9FFF';
    }

    /** Cyrillic letters that look like Latin ones, in place of a, c, e, i, o, p. */
    static String homoglyphs(String text) {
        return text.replace('a', '\u0430').replace('c', '\u0441').replace('e', '\u0435').replace('i', '\u0456')
                .replace('o', '\u043E').replace('p', '\u0440');
    }

    /** Full-width forms of printable ASCII. */
    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    private static Map<String, String> codes(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
