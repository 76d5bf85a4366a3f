package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A declared measure's value at one moment for one subject: how many history entries the
 * measure's filter counted in its window, and when the window next opens under its cap.
 *
 * <p>Engine-built, one per subject (an account of the action, its contact point, or the debtor)
 * for every measure a pack declares in {@code pack.properties}; rules match it as a plain fact and
 * compare {@link #count()} with a parameter:
 * <pre>{@code $calls : Tally(measure == "placedCalls", count >= starter.callCap)}</pre>
 * A tally computes; it never decides: whether the count matters, and what is exempt, is the rule's.
 *
 * @param measure the measure's declared name ({@code measure.<name>} in pack.properties)
 * @param subject what was counted for: the account id, the contact point id, or the debtor id
 * @param count entries that matched inside the window
 * @param cap the measure's cap parameter's value (the count at which the window is full)
 * @param window the window's length
 * @param reopensAt the earliest moment fewer than {@code cap} counted entries remain in the window
 *     if nothing else is recorded; the moment itself when that is already so; null when the cap is
 *     0 or less (no moment brings the count under it)
 * @param evidence the moments of the counted entries, oldest first: which history entries counted
 */
public record Tally(String measure, String subject, int count, int cap, Duration window, Instant reopensAt,
        List<Instant> evidence) {

    public Tally {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(window, "window");
        evidence = List.copyOf(evidence);
        if (count != evidence.size()) {
            throw new IllegalArgumentException("count " + count + " but " + evidence.size() + " entries of evidence");
        }
    }

    /** True when the window holds {@link #cap()} entries or more: one more would exceed it. */
    public boolean isFull() {
        return cap >= 0 && count >= cap;
    }
}
