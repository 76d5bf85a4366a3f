package org.contactguard.core.engine;

import java.io.IOException;
import java.util.List;

/**
 * A rule pack as read from its source, before compilation.
 *
 * @param id the pack id (its folder name)
 * @param propertiesPath where {@code pack.properties} was read from
 * @param propertiesText its content
 * @param drls its rule files, in {@code pack.rules} order
 * @param folder reads other files of the pack (term lists) by path relative to the pack folder
 */
record PackFiles(String id, String propertiesPath, String propertiesText, List<DrlFile> drls, Folder folder,
        List<TenantFile> tenants) {

    /** A tenant overlay beside the pack, {@code tenants/<tenant>.properties}: bare parameter names. */
    record TenantFile(String tenant, String path, String text) {
    }

    /** A pack without tenant overlays beside it. */
    PackFiles(String id, String propertiesPath, String propertiesText, List<DrlFile> drls, Folder folder) {
        this(id, propertiesPath, propertiesText, drls, folder, List.of());
    }

    /** The pack's folder, wherever it lives (classpath or disk). */
    interface Folder {
        /** A pack whose other files cannot be read. */
        Folder NONE = new Folder() {
            @Override
            public String read(String relativePath) {
                return null;
            }

            @Override
            public String pathOf(String relativePath) {
                return relativePath;
            }
        };

        /** The UTF-8 text of the file at {@code relativePath}, or null when there is none. */
        String read(String relativePath) throws IOException;

        /** How messages name the file at {@code relativePath}. */
        String pathOf(String relativePath);
    }

    /** A pack with no readable folder (its DRL and properties only). */
    PackFiles(String id, String propertiesPath, String propertiesText, List<DrlFile> drls) {
        this(id, propertiesPath, propertiesText, drls, Folder.NONE);
    }

    /** One rule file. */
    record DrlFile(String path, String text) {
    }

    PackFiles {
        drls = List.copyOf(drls);
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        folder = folder == null ? Folder.NONE : folder;
    }
}
