package org.contactguard.core.engine;

import java.util.List;

/**
 * A rule pack as read from its source, before compilation.
 *
 * @param id the pack id (its folder name)
 * @param propertiesPath where {@code pack.properties} was read from
 * @param propertiesText its content
 * @param drls its rule files, in {@code pack.rules} order
 */
record PackFiles(String id, String propertiesPath, String propertiesText, List<DrlFile> drls) {

    /** One rule file. */
    record DrlFile(String path, String text) {
    }

    PackFiles {
        drls = List.copyOf(drls);
    }
}
