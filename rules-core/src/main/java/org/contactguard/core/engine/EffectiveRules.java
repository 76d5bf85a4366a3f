package org.contactguard.core.engine;

import java.util.Set;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Keeps rules that are not in force at a period from firing, by package and rule name (a name is
 * unique within a pack's package; packs merged into one rule base keep their own packages).
 */
final class EffectiveRules {

    private EffectiveRules() {
    }

    /** How {@code outOfForce} names a rule: its package and name. */
    static String qualified(String packageName, String ruleName) {
        return packageName + "." + ruleName;
    }

    /** A filter that lets every rule fire except {@code outOfForce}; null (no filter) when that is empty or null. */
    static AgendaFilter filter(Set<String> outOfForce) {
        if (outOfForce == null || outOfForce.isEmpty()) {
            return null;
        }
        Set<String> names = Set.copyOf(outOfForce);
        return match -> !names.contains(qualified(match.getRule().getPackageName(), match.getRule().getName()));
    }
}
