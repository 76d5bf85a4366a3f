package org.contactguard.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rule packs could not be loaded: compile errors, missing or malformed metadata, duplicate ids,
 * unknown or ill-typed parameters. Carries every problem found, each with file and line, so a
 * compliance editor sees all of them at once.
 */
public final class RuleLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public RuleLoadException(List<RuleProblem> problems) {
        this(sorted(problems));
    }

    private RuleLoadException(SortedProblems problems) {
        super(describe(problems.list()));
        this.problems = problems.list();
    }

    /** Problems in file and line order, whichever stage found them. */
    private record SortedProblems(List<RuleProblem> list) {
    }

    private static SortedProblems sorted(List<RuleProblem> problems) {
        List<RuleProblem> list = new ArrayList<>(problems);
        list.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        return new SortedProblems(List.copyOf(list));
    }

    public RuleLoadException(RuleProblem problem, Throwable cause) {
        super(describe(List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, in file and line order. */
    public List<RuleProblem> problems() {
        return problems;
    }

    private static String describe(List<RuleProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " loading rules:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
