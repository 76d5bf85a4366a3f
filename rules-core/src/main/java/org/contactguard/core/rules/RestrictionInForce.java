package org.contactguard.core.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;

/**
 * A debtor restriction in force at the evaluated moment: engine-built, one per restriction that is
 * {@linkplain Restriction#activeAt active} then, so that rules match
 * {@code RestrictionInForce(kind == RestrictionKind.CEASE_COMMUNICATION)} instead of iterating the
 * debtor's list with {@code from}. Whether the restriction stops a given contact is the rule's.
 *
 * @param kind the restriction's kind
 * @param written whether the debtor made it in writing
 * @param until when it ends (null: no known end), the moment a rule it triggers stops objecting
 * @param restriction the restriction itself, for the fields of its kind
 */
public record RestrictionInForce(RestrictionKind kind, boolean written, Instant until,
        Restriction restriction) {

    public RestrictionInForce {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(restriction, "restriction");
    }

    /** Every restriction of {@code restrictions} active at {@code at}, in their given order. */
    public static List<RestrictionInForce> at(Instant at, List<Restriction> restrictions) {
        if (restrictions.isEmpty()) {
            return List.of();
        }
        RestrictionInForce[] active = new RestrictionInForce[restrictions.size()];
        int n = 0;
        for (Restriction restriction : restrictions) {
            if (restriction.activeAt(at)) {
                active[n++] = new RestrictionInForce(restriction.kind(), restriction.written(), restriction.until(),
                        restriction);
            }
        }
        return n == 0 ? List.of() : List.of(java.util.Arrays.copyOf(active, n));
    }
}
