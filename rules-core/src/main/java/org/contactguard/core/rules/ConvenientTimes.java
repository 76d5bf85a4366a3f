package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.LocalTimeWindow;

/**
 * Inconvenient and agreed times for the hour rules: a debtor-designated inconvenient window is
 * hit when the moment falls in it in any of the debtor's zones; an agreed contact time covers the
 * moment only when it falls in it in every zone (the consent was about the debtor's local time,
 * and the debtor may be in any of them).
 */
public final class ConvenientTimes {

    private ConvenientTimes() {
    }

    /** Whether the moment lies in {@code window} in at least one known zone. */
    public static boolean insideAnyZone(ActionTime time, LocalTimeWindow window) {
        return time.isZoneKnown() && !time.withinEveryZone(window.to(), window.from());
    }

    /** The first moment at or after the action outside {@code window} in every zone; null if none is found. */
    public static Instant nextOutsideEveryZone(ActionTime time, LocalTimeWindow window) {
        return time.nextWithinEveryZone(window.to(), window.from());
    }

    /**
     * Whether a {@code CONTACT_TIME} consent valid at the moment has hours that hold the moment in
     * every zone: the debtor agreed to be contacted then.
     */
    public static boolean agreedByConsent(ActionTime time, List<Consent> consents) {
        for (Consent consent : consents) {
            if (consent.kind() == ConsentKind.CONTACT_TIME && consent.validAt(time.at())
                    && time.withinEveryZone(consent.from(), consent.to())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The earliest moment at or after the action inside {@code [start, end)} in every zone, or
     * inside the hours of a consent valid then; null if none is found within the search limit.
     */
    public static Instant nextConvenient(ActionTime time, LocalTime start, LocalTime end, List<Consent> consents) {
        Instant best = time.nextWithinEveryZone(start, end);
        for (Consent consent : consents) {
            if (consent.kind() == ConsentKind.CONTACT_TIME) {
                Instant opens = time.nextWithinEveryZone(consent.from(), consent.to());
                if (opens != null && consent.validAt(opens) && (best == null || opens.isBefore(best))) {
                    best = opens;
                }
            }
        }
        return best;
    }
}
