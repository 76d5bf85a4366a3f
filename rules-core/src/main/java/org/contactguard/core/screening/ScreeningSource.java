package org.contactguard.core.screening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a pack's screening files are read from: {@code patterns.txt} and the lexicon and equivalence
 * files it names. A pack ships them on the class path; a deployment overrides any of them from a
 * directory with {@link #overlay}.
 */
public interface ScreeningSource {

    /**
     * @param file a file name relative to the source
     * @return how problems name the file (e.g. {@code rules/cn/screening/threats.txt})
     */
    String describe(String file);

    /**
     * @param file a file name relative to the source
     * @return the file, or empty when the source has no such file
     * @throws IOException when it exists but cannot be read
     */
    Optional<Text> read(String file) throws IOException;

    /**
     * A file read from a source.
     *
     * @param name how problems name it
     * @param content its UTF-8 text
     */
    record Text(String name, String content) {
        /**
         * Checks the components.
         *
         * @param name see the record component
         * @param content see the record component
         */
        public Text {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * Files under a class-path folder.
     *
     * @param loader the class loader to read with
     * @param folder the folder, e.g. {@code rules/cn/screening}
     * @return the source
     */
    static ScreeningSource classpath(ClassLoader loader, String folder) {
        Objects.requireNonNull(loader, "loader");
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return new ScreeningSource() {
            @Override
            public String describe(String file) {
                return prefix + file;
            }

            @Override
            public Optional<Text> read(String file) throws IOException {
                try (InputStream in = loader.getResourceAsStream(prefix + file)) {
                    return in == null ? Optional.empty()
                            : Optional.of(new Text(prefix + file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        };
    }

    /**
     * Files in a directory.
     *
     * @param directory the directory
     * @return the source
     */
    static ScreeningSource directory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new ScreeningSource() {
            @Override
            public String describe(String file) {
                return directory.resolve(file).toString();
            }

            @Override
            public Optional<Text> read(String file) throws IOException {
                Path path = directory.resolve(file);
                return Files.isRegularFile(path)
                        ? Optional.of(new Text(path.toString(), Files.readString(path, StandardCharsets.UTF_8)))
                        : Optional.empty();
            }
        };
    }

    /**
     * A source whose files shadow another's, file by file: a deployment's own lexicon replaces the
     * pack's, the pack's other files stay.
     *
     * @param override read first
     * @param base read when {@code override} has no such file
     * @return the source
     */
    static ScreeningSource overlay(ScreeningSource override, ScreeningSource base) {
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(base, "base");
        return new ScreeningSource() {
            @Override
            public String describe(String file) {
                return override.describe(file) + " or " + base.describe(file);
            }

            @Override
            public Optional<Text> read(String file) throws IOException {
                Optional<Text> text = override.read(file);
                return text.isPresent() ? text : base.read(file);
            }
        };
    }
}
