package org.contactguard.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code key = value} file read with line numbers, which {@link java.util.Properties} does not
 * keep. Deliberately small: {@code #} and {@code !} start comments, one entry per line, no
 * continuation lines or escapes, so what a compliance editor sees is exactly what is loaded.
 */
final class PropertiesFile {

    /** One entry with the line it came from. */
    record Entry(String key, String value, int line) {
    }

    private final String path;
    private final Map<String, Entry> entries;

    private PropertiesFile(String path, Map<String, Entry> entries) {
        this.path = path;
        this.entries = entries;
    }

    static PropertiesFile parse(String path, String text, List<RuleProblem> problems) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(new RuleProblem(path, lineNo, "expected 'name = value', found '" + line + "'"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (entries.containsKey(key)) {
                problems.add(new RuleProblem(path, lineNo, "'" + key + "' is already set at line "
                        + entries.get(key).line()));
                continue;
            }
            entries.put(key, new Entry(key, value, lineNo));
        }
        return new PropertiesFile(path, entries);
    }

    String path() {
        return path;
    }

    Entry get(String key) {
        return entries.get(key);
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }
}
