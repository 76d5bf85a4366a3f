package org.contactguard.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.rules.TermList;

/**
 * Reads {@link TermList} parameters. A value in {@code pack.properties} or given to the builder is a
 * path relative to the pack folder (classpath or disk); a value in a deployment's parameter file is
 * relative to that file's folder; an absolute path is read from disk. Problems name the term file
 * and line, or the parameter's own line when the file cannot be found.
 */
final class TermListFiles {

    private TermListFiles() {
    }

    /** Reads {@code value} for a parameter set at {@code file}:{@code line}; null after adding problems. */
    static TermList load(PackFiles pack, String value, String file, int line, boolean fromPackProperties,
            List<RuleProblem> problems) {
        String relative = value.strip();
        if (relative.isEmpty()) {
            problems.add(new RuleProblem(file, line, "term list path is empty; expected e.g. terms/threats.txt"));
            return null;
        }
        String path;
        String text;
        try {
            Path asPath = Path.of(relative);
            boolean besideOverrideFile = !fromPackProperties && !asPath.isAbsolute() && Files.isRegularFile(Path.of(file));
            if (asPath.isAbsolute() || besideOverrideFile) {
                Path resolved = asPath.isAbsolute() ? asPath : Path.of(file).toAbsolutePath().getParent().resolve(asPath);
                path = resolved.toString();
                text = Files.isRegularFile(resolved) ? Files.readString(resolved, StandardCharsets.UTF_8) : null;
            } else {
                path = pack.folder().pathOf(relative);
                text = pack.folder().read(relative);
            }
        } catch (InvalidPathException | IOException e) {
            problems.add(new RuleProblem(file, line, "cannot read term list '" + relative + "': " + e.getMessage()));
            return null;
        }
        if (text == null) {
            problems.add(new RuleProblem(file, line, "term list '" + relative + "' not found (looked for " + path + ")"));
            return null;
        }
        List<TermList.Problem> found = new ArrayList<>();
        TermList list = TermList.parse(relative, text, found);
        for (TermList.Problem problem : found) {
            problems.add(new RuleProblem(path, problem.line(), problem.message()));
        }
        return found.isEmpty() ? list : null;
    }

    /** A pack folder on the classpath at {@code base} (ending in '/'). */
    static PackFiles.Folder classpathFolder(ClassLoader loader, String base) {
        return new PackFiles.Folder() {
            @Override
            public String read(String relativePath) throws IOException {
                if (escapes(relativePath)) {
                    return null;
                }
                URL url = loader.getResource(base + relativePath);
                if (url == null) {
                    return null;
                }
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }

            @Override
            public String pathOf(String relativePath) {
                return base + relativePath;
            }
        };
    }

    /** A pack folder on disk. */
    static PackFiles.Folder diskFolder(Path folder) {
        return new PackFiles.Folder() {
            @Override
            public String read(String relativePath) throws IOException {
                Path file = folder.resolve(relativePath);
                return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            }

            @Override
            public String pathOf(String relativePath) {
                return folder.resolve(relativePath).toString();
            }
        };
    }

    /** A classpath path may not climb out of its pack: resources have no reliable parent folders. */
    private static boolean escapes(String relativePath) {
        String path = relativePath.replace('\\', '/');
        return path.startsWith("/") || path.equals("..") || path.startsWith("../") || path.contains("/../")
                || path.endsWith("/..");
    }
}
