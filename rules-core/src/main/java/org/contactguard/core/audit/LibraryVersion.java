package org.contactguard.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Contactguard version in the jar, written by the build into {@code version.properties}. */
final class LibraryVersion {

    /** Read once: the jar does not change while it runs. */
    static final String VERSION = read();

    private LibraryVersion() {
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("/org/contactguard/core/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/contactguard/core/version.properties is missing from the jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException("org/contactguard/core/version.properties was not filled in by the build: "
                        + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
