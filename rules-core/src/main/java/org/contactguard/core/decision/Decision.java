package org.contactguard.core.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link org.contactguard.core.model.DecisionRequest}.
 *
 * @param id the request's id (null when the request had none)
 * @param verdict DENY iff {@code reasons} is not empty
 * @param reasons every rule that denied, ordered by pack then rule id
 * @param advisories rules that flag a risk without denying, in the same order
 * @param nextPermittedAt when denied: the earliest moment the same action would be allowed by all
 *     applied packs together; null when allowed, when the restriction has no known end, or when
 *     no such moment lies within the engine's look-ahead
 * @param ruleSetVersion a hash of the rule files and parameters that decided
 */
public record Decision(String id, Verdict verdict, List<Reason> reasons, List<Reason> advisories,
        Instant nextPermittedAt, String ruleSetVersion) {

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        advisories = List.copyOf(advisories);
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        if ((verdict == Verdict.DENY) == reasons.isEmpty()) {
            throw new IllegalArgumentException("verdict " + verdict + " does not match " + reasons.size() + " reasons");
        }
        if (verdict == Verdict.ALLOW && nextPermittedAt != null) {
            throw new IllegalArgumentException("nextPermittedAt is only given with DENY");
        }
    }

    /** A DENY with the single reason {@code reason} and no next permitted moment. */
    public static Decision denied(String id, Reason reason, String ruleSetVersion) {
        return new Decision(id, Verdict.DENY, List.of(reason), List.of(), null, ruleSetVersion);
    }

    /** True when the contact may happen. */
    public boolean isAllowed() {
        return verdict == Verdict.ALLOW;
    }

    /** The ids of the denying rules, in order. */
    public List<String> ruleIds() {
        return reasons.stream().map(Reason::ruleId).toList();
    }

    /** The next permitted moment, if one is known. */
    public Optional<Instant> nextPermitted() {
        return Optional.ofNullable(nextPermittedAt);
    }

    /** A few lines a person can read: verdict, each reason with its citation, advisories, next moment. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(verdict);
        if (id != null) {
            text.append("  ").append(id);
        }
        text.append("  (rules ").append(ruleSetVersion).append(')');
        for (Reason reason : reasons) {
            text.append("\n  - ").append(reason);
        }
        for (Reason advisory : advisories) {
            text.append("\n  ! advisory ").append(advisory);
        }
        if (verdict == Verdict.DENY) {
            text.append("\n  next permitted: ").append(nextPermittedAt == null ? "not known" : nextPermittedAt);
        }
        return text.toString();
    }
}
