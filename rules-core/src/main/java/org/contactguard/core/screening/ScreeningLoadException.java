package org.contactguard.core.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pack's lexicons or patterns could not be loaded. Carries every problem found, each with file and
 * line, so whoever edits the files sees all of them at once; a screener is never built from files
 * with problems (a pattern silently dropped would let its content through).
 */
public final class ScreeningLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ScreeningProblem> problems;

    /**
     * @param problems what is wrong; sorted by file and line
     */
    public ScreeningLoadException(List<ScreeningProblem> problems) {
        this(sorted(problems), null);
    }

    /**
     * @param problem what is wrong
     * @param cause the failure behind it (an unreadable file)
     */
    public ScreeningLoadException(ScreeningProblem problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    private ScreeningLoadException(List<ScreeningProblem> problems, Throwable cause) {
        super(describe(problems), cause);
        this.problems = problems;
    }

    private static List<ScreeningProblem> sorted(List<ScreeningProblem> problems) {
        List<ScreeningProblem> list = new ArrayList<>(problems);
        list.sort(Comparator.comparing(ScreeningProblem::file).thenComparingInt(ScreeningProblem::line));
        return List.copyOf(list);
    }

    /** @return every problem, in file and line order */
    public List<ScreeningProblem> problems() {
        return problems;
    }

    private static String describe(List<ScreeningProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " loading screening files:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
