package org.contactguard.core.engine;

import java.util.Objects;

/**
 * A parameter value that replaces the one in a pack's {@code pack.properties}, e.g. from a
 * deployment's own parameter file ({@code starter.callCap = 5}).
 *
 * @param pack the pack id
 * @param name the parameter name
 * @param value the value as text, parsed with the parameter's declared type
 * @param file where it was written (for error messages)
 * @param line the line in {@code file}, or 0
 */
public record ParameterOverride(String pack, String name, String value, String file, int line) {

    public ParameterOverride {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(file, "file");
    }
}
