package org.contactguard.core.screening;

import java.util.Objects;

/**
 * One reason a pack's screening files cannot be loaded, located in a file.
 *
 * @param file the file as the source names it (e.g. {@code rules/cn/screening/patterns.txt})
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, in plain words
 */
public record ScreeningProblem(String file, int line, String message) {

    /**
     * Checks the components.
     *
     * @param file see the record component
     * @param line see the record component
     * @param message see the record component
     */
    public ScreeningProblem {
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
