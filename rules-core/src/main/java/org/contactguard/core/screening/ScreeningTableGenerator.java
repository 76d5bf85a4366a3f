package org.contactguard.core.screening;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Build-time generator of {@link ScreeningTables}: run by Maven at {@code process-classes} with ICU4J
 * and opencc4j on a provided-scope class path, it writes the tables into the class output directory.
 * Nothing here runs in a deployment.
 *
 * <p>Sources: ICU4J's NFKC case folding, {@code Latin-ASCII} transliteration and UTS #39 confusable
 * skeletons ({@code SpoofChecker}); OpenCC's {@code TSCharacters.txt}, {@code TWVariants.txt} and
 * {@code HKVariants.txt} (Apache-2.0, as shipped in opencc4j) for Traditional to Simplified; ICU's
 * {@code Han-Latin} for the pinyin of each ideograph (its first reading).
 */
public final class ScreeningTableGenerator {

    private ScreeningTableGenerator() {
    }

    /**
     * Writes the tables under {@code args[0]} (the class output directory).
     *
     * @param args the output directory
     * @throws IOException when the OpenCC data cannot be read or the tables cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ScreeningTableGenerator <class output directory>");
        }
        Path out = Path.of(args[0], ScreeningTables.class.getPackageName().replace('.', '/'), ScreeningTables.RESOURCE);
        Files.createDirectories(out.getParent());
        // Regenerating costs seconds on every build; the inputs are this class and the library jars on
        // the class path, so a stamp of both says when the tables are already current.
        // Kept beside the class directory (target/), not in it, so the jar carries no build paths.
        Path classes = Path.of(args[0]).toAbsolutePath();
        Path stamp = (classes.getParent() == null ? classes : classes.getParent()).resolve("screening-tables.stamp");
        String inputs = stamp();
        if (Files.isRegularFile(out) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(inputs)) {
            return;
        }
        long started = System.nanoTime();
        byte[] bytes = generate();
        Files.write(out, bytes);
        Files.writeString(stamp, inputs);
        System.out.printf("screening tables: %d bytes in %d ms -> %s%n", bytes.length,
                (System.nanoTime() - started) / 1_000_000, out);
    }

    /** The class path and this class's size and time: what the tables are generated from. */
    private static String stamp() throws IOException {
        String self = ScreeningTableGenerator.class.getName().replace('.', '/') + ".class";
        java.net.URL url = ScreeningTableGenerator.class.getClassLoader().getResource(self);
        String version = url == null ? "?" : url.toString();
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                Path p = Path.of(url.toURI());
                version += ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            } catch (java.net.URISyntaxException e) {
                throw new IOException("cannot locate " + url, e);
            }
        }
        return "version " + ScreeningTables.VERSION + "\n" + version + "\n" + System.getProperty("java.class.path") + "\n";
    }

    static byte[] generate() throws IOException {
        Map<Integer, Integer> traditional = traditionalToSimplified();
        Normalizer2 nfkcCaseFold = Normalizer2.getNFKCCasefoldInstance();
        Transliterator latinAscii = Transliterator.getInstance("Latin-ASCII");
        SpoofChecker spoof = new SpoofChecker.Builder().build();
        char[] fold = new char[0x10000];
        byte[] kind = new byte[0x10000];
        for (int c = 0; c < 0x10000; c++) {
            int f = foldOne(c, nfkcCaseFold, traditional, latinAscii, spoof);
            fold[c] = (char) f;
            kind[c] = classOf(c, f);
        }
        Transliterator hanLatin = Transliterator.getInstance("Han-Latin; Latin-ASCII");
        Map<String, Short> syllables = new LinkedHashMap<>();
        short[] sound = new short[ScreeningTables.PINYIN_LAST - ScreeningTables.PINYIN_FIRST + 1];
        for (int c = ScreeningTables.PINYIN_FIRST; c <= ScreeningTables.PINYIN_LAST; c++) {
            sound[c - ScreeningTables.PINYIN_FIRST] = ScreeningTables.NO_SOUND;
            if (kind[c] != ScreeningTables.CJK || fold[c] != c) {
                continue; // only folded forms are looked up
            }
            String reading = hanLatin.transliterate(String.valueOf((char) c)).toLowerCase(java.util.Locale.ROOT);
            if (!reading.matches("[a-z]{1,6}")) {
                continue; // no reading (the transliterator left the ideograph or gave no syllable)
            }
            Short index = syllables.computeIfAbsent(reading, s -> (short) syllables.size());
            sound[c - ScreeningTables.PINYIN_FIRST] = index;
        }
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(
                new DeflaterOutputStream(buffer, new Deflater(Deflater.BEST_COMPRESSION)))) {
            data.writeInt(ScreeningTables.MAGIC);
            data.writeInt(ScreeningTables.VERSION);
            for (char f : fold) {
                data.writeChar(f);
            }
            data.write(kind);
            data.writeShort(syllables.size());
            for (String s : syllables.keySet()) {
                data.writeUTF(s);
            }
            for (short s : sound) {
                data.writeShort(s);
            }
        }
        return buffer.toByteArray();
    }

    private static int foldOne(int c, Normalizer2 nfkcCaseFold, Map<Integer, Integer> traditional,
            Transliterator latinAscii, SpoofChecker spoof) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            return c;
        }
        String s = nfkcCaseFold.normalize(new String(Character.toChars(c)));
        if (s.isEmpty()) {
            return c; // a default-ignorable character: its class (JOIN) drops it
        }
        int f = s.codePointAt(0);
        if (Character.charCount(f) != 1 || s.length() != 1 && !Character.isLetterOrDigit(f)) {
            f = c; // expands to several characters that are not letters (½): keep the character
        }
        f = traditional.getOrDefault(f, f);
        if (f >= 0x80 && Character.isLetter(f) && UScript.getScript(f) != UScript.HAN) {
            String ascii = latinAscii.transliterate(new String(Character.toChars(f)));
            if (ascii.length() == 1 && ascii.charAt(0) < 0x80 && Character.isLetter(ascii.charAt(0))) {
                return Character.toLowerCase(ascii.charAt(0));
            }
            String skeleton = spoof.getSkeleton(new String(Character.toChars(f)));
            if (skeleton.length() == 1 && skeleton.charAt(0) < 0x80 && Character.isLetterOrDigit(skeleton.charAt(0))) {
                return Character.toLowerCase(skeleton.charAt(0)); // Cyrillic і, Greek ο: letters that look Latin
            }
        }
        return f;
    }

    private static byte classOf(int original, int f) {
        if (original >= 0xD800 && original <= 0xDFFF) {
            return ScreeningTables.JOIN; // the scanner reads supplementary characters itself
        }
        switch (f) {
            case '\n', '\r', '\u2028', '\u2029', '\u3002', '!', '?', ';', '\uFF61' -> {
                return ScreeningTables.SENTENCE;
            }
            case ',', ':', '\uFF64' -> {
                return ScreeningTables.CLAUSE;
            }
            case '.' -> {
                return ScreeningTables.DOT;
            }
            case '*' -> {
                return ScreeningTables.MASK;
            }
            case '\'', '\u2019' -> {
                return ScreeningTables.JOIN; // an apostrophe joins: I'm, don't, sheriff's read im, dont, sheriffs
            }
            case '@', '$' -> {
                return ScreeningTables.WORD; // leet letters (@ss, $hit), read as a and s inside words
            }
            default -> {
                // handled below
            }
        }
        if (original == '\u2018' || original == '\u02BC') {
            return ScreeningTables.JOIN; // other apostrophes
        }
        if (original != f && UCharacter.hasBinaryProperty(original, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return ScreeningTables.JOIN;
        }
        if (Character.isWhitespace(f) || Character.isSpaceChar(f)) {
            return ScreeningTables.SPACE;
        }
        if (UScript.getScript(f) == UScript.HAN && Character.isLetter(f)) {
            return ScreeningTables.CJK;
        }
        if (Character.isLetterOrDigit(f)) {
            return ScreeningTables.WORD;
        }
        return switch (Character.getType(f)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.CONTROL -> ScreeningTables.BREAK;
            default -> ScreeningTables.JOIN;
        };
    }

    /** OpenCC's Traditional to Simplified characters, with Taiwan and Hong Kong variants folded first. */
    private static Map<Integer, Integer> traditionalToSimplified() throws IOException {
        Map<Integer, Integer> ts = new HashMap<>();
        readPairs("TSCharacters.txt", false, ts);
        Map<Integer, Integer> variants = new HashMap<>();
        readPairs("TWVariants.txt", true, variants);
        readPairs("HKVariants.txt", true, variants);
        Map<Integer, Integer> all = new HashMap<>(ts);
        variants.forEach((variant, standard) -> all.putIfAbsent(variant, ts.getOrDefault(standard, standard)));
        return all;
    }

    /** Reads OpenCC "key TAB value value…" lines; {@code reversed} maps the first value back to the key. */
    private static void readPairs(String file, boolean reversed, Map<Integer, Integer> into) throws IOException {
        String resource = "/data/dictionary/" + file;
        try (InputStream in = ScreeningTableGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("OpenCC dictionary " + resource + " is not on the class path (opencc4j)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length < 2 || parts[0].codePointCount(0, parts[0].length()) != 1) {
                    continue; // phrases and blank lines
                }
                int key = parts[0].codePointAt(0);
                for (int i = 1; i < parts.length; i++) {
                    if (parts[i].length() == 1 && Character.charCount(key) == 1) {
                        int value = parts[i].charAt(0);
                        if (reversed) {
                            if (value != key) {
                                into.putIfAbsent(value, key);
                            }
                        } else {
                            into.putIfAbsent(key, value);
                        }
                        break; // the first BMP candidate is OpenCC's preferred one
                    }
                }
            }
        }
    }
}
