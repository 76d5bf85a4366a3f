package org.contactguard.core.engine;

import java.util.Objects;

/**
 * One reason a rule pack cannot be loaded, located in a file.
 *
 * @param file the file's path as the loader names it (e.g. {@code rules/starter/hours.drl})
 * @param line 1-based line, or 0 when the problem concerns the whole file or no line is known
 * @param message what is wrong, in plain words
 */
public record RuleProblem(String file, int line, String message) {

    public RuleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        line = Math.max(line, 0);
    }

    /** {@code file:line: message}, or {@code file: message} when no line is known. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
