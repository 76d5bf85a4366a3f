package org.contactguard.core.testkit;

/**
 * A scenario file cannot be used: it is not JSON, holds an unknown key, misses a required one, or
 * contradicts itself. The message names the file and the path inside it.
 */
public final class ScenarioFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;

    /**
     * @param file the file as named to the reader
     * @param path the path inside the file, e.g. {@code scenarios[2].expect.verdict}; empty for the whole file
     * @param problem what is wrong
     */
    public ScenarioFileException(String file, String path, String problem) {
        super(file + (path.isEmpty() ? "" : ": " + path) + ": " + problem);
        this.file = file;
        this.path = path;
    }

    /** The file as named to the reader. */
    public String file() {
        return file;
    }

    /** The path inside the file; empty for the whole file. */
    public String path() {
        return path;
    }
}
