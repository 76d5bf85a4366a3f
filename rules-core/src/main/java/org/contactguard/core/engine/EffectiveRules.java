package org.contactguard.core.engine;

import java.util.Set;
import org.kie.api.runtime.rule.AgendaFilter;

/** Keeps rules that are not in force at a period from firing, by rule name (unique within a pack's package). */
final class EffectiveRules {

    private EffectiveRules() {
    }

    /** A filter that lets every rule fire except {@code outOfForce}; null (no filter) when that is empty or null. */
    static AgendaFilter filter(Set<String> outOfForce) {
        if (outOfForce == null || outOfForce.isEmpty()) {
            return null;
        }
        Set<String> names = Set.copyOf(outOfForce);
        return match -> !names.contains(match.getRule().getName());
    }
}
