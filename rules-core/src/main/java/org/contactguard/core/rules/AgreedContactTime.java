package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Consent;

/**
 * The debtor's agreed contact times ({@code CONTACT_TIME} consents) at the evaluated moment:
 * engine-built once per moment, so an hour rule states "unless the debtor agreed to be contacted
 * then" as the field test {@code AgreedContactTime(coversMoment == false)}, and names the end of its
 * objection with {@link #nextConvenient}. A consent covers the moment when it is valid then and its
 * hours hold the moment in every one of the debtor's zones (the consent was about the debtor's local
 * time, and the debtor may be in any of them).
 *
 * @param coversMoment whether a valid consent's hours hold the moment in every zone
 * @param time the moment in the debtor's zones
 * @param consents the debtor's consents (only {@code CONTACT_TIME} ones are read)
 */
public record AgreedContactTime(boolean coversMoment, ActionTime time, List<Consent> consents) {

    public AgreedContactTime {
        Objects.requireNonNull(time, "time");
        consents = List.copyOf(consents);
    }

    /** The agreed contact times at {@code time} for a debtor with {@code consents}. */
    public static AgreedContactTime at(ActionTime time, List<Consent> consents) {
        return new AgreedContactTime(ConvenientTimes.agreedByConsent(time, consents), time, consents);
    }

    /**
     * The earliest moment at or after this one inside {@code [start, end)} in every zone, or inside
     * the hours of a consent valid then; null if none is found within the search limit.
     */
    public Instant nextConvenient(LocalTime start, LocalTime end) {
        return ConvenientTimes.nextConvenient(time, start, end, consents);
    }
}
