package org.contactguard.core.model;

import java.util.Objects;

/**
 * A fact that breaks the contract: a missing required field, a value out of range or contradictory
 * data. {@link #field()} names the offending field so the engine can answer {@code INPUT-INVALID}
 * naming it, as the contract requires.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field   the contract field name, relative to the record being built
     *                (e.g. {@code accountIds[0]}, {@code visit.staffCount})
     * @param problem what is wrong, in plain English (e.g. {@code is required})
     */
    public InvalidInputException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
        this.problem = problem;
    }

    /** The path of the offending field, e.g. {@code history[2].accountIds[0]}. */
    public String field() {
        return field;
    }

    /** What is wrong with the field, without the field name. */
    public String problem() {
        return problem;
    }

    /**
     * The same problem seen from an enclosing record: {@code prefixed("action")} turns
     * {@code visit.staffCount} into {@code action.visit.staffCount} and {@code [1]} into
     * {@code action[1]}.
     */
    public InvalidInputException prefixed(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String path = field.startsWith("[") ? prefix + field : prefix + "." + field;
        InvalidInputException copy = new InvalidInputException(path, problem);
        // The place that found the problem is more useful to a reader than the place that re-labelled it.
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
