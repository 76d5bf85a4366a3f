package org.contactguard.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * One scenario read from a scenario file: a named request and what its decision must be.
 *
 * @param file the file it came from, as named to the reader (e.g. {@code scenarios/starter/hours.json})
 * @param suite the suite's name (the file's {@code name}, or the file name when a suite has none)
 * @param name the scenario's name, unique within its file
 * @param description optional free text, for the reader of the file
 * @param request the request, base and patch already merged and file-level packs applied; it is read
 *     (strictly, as the contract says) when the scenario runs, so a scenario may pin an INPUT-INVALID
 * @param expect what the decision must be
 * @param source where the file is, for IDEs that link a test to its source; may be null
 */
public record Scenario(String file, String suite, String name, String description, JsonNode request,
        Expectation expect, URI source) {

    /** {@code suite › name}, the test's display name. */
    public String displayName() {
        return suite + " \u203a " + name;
    }
}
