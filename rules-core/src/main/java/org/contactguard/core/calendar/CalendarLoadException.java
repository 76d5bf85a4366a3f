package org.contactguard.core.calendar;

import java.util.List;

/** A holiday calendar file that cannot be used: every problem, each as {@code file:line: message}. */
public final class CalendarLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Strings, so the exception stays serialisable. */
    private final List<String> problems;

    CalendarLoadException(List<String> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " loading holiday calendars:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, as {@code file:line: message}, in file and line order. */
    public List<String> problems() {
        return problems;
    }
}
