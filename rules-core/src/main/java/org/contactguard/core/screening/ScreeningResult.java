package org.contactguard.core.screening;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What screening found in one message: every concern matched, each with its evidence, in text order.
 * Screening reports; it never decides: a pack's rules decide what a concern means for a contact
 * (a mention of the debt is a disclosure only when a third party receives it).
 *
 * @param matches the matches, by start offset, then concern
 */
public record ScreeningResult(List<ConcernMatch> matches) {

    /** Nothing found. */
    public static final ScreeningResult NONE = new ScreeningResult(List.of());

    /**
     * Checks the components.
     *
     * @param matches see the record component
     */
    public ScreeningResult {
        matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
    }

    /** @return the names of the concerns matched, sorted */
    public Set<String> concerns() {
        Set<String> names = new TreeSet<>();
        matches.forEach(m -> names.add(m.concern()));
        return Collections.unmodifiableSet(names);
    }

    /**
     * @param concern a concern's name
     * @return whether it matched
     */
    public boolean has(String concern) {
        return matches.stream().anyMatch(m -> m.concern().equals(concern));
    }

    /**
     * @param concern a concern's name
     * @return its matches, in text order
     */
    public List<ConcernMatch> matchesOf(String concern) {
        return matches.stream().filter(m -> m.concern().equals(concern)).toList();
    }

    /** @return whether nothing matched */
    public boolean isEmpty() {
        return matches.isEmpty();
    }
}
