package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.LocalTimeWindow;
import org.contactguard.core.model.ProposedAction;

/**
 * A nightly quiet window (e.g. 22:00 to 08:00) read in the debtor's zones, or in a pack's home zone
 * when the debtor's zones are unknown, and lifted by a {@code CONTACT_TIME} consent that covers the
 * moment. Packs whose regulation names one civil time (China: Asia/Shanghai) use this instead of
 * treating an unknown zone as invalid input.
 *
 * <p>Windows are half-open: the window's start is inside it, its end is not (22:00 is quiet, 08:00
 * is not).
 */
public final class LocalQuietHours {

    private LocalQuietHours() {
    }

    /** The debtor's zones, or {@code fallback} alone when they are unknown. */
    public static List<ZoneId> zones(ActionTime time, ZoneId fallback) {
        return time.zones().isEmpty() ? List.of(fallback) : time.zones();
    }

    /** True when the moment lies in the quiet window {@code [start, end)} in at least one of the zones. */
    public static boolean inQuietWindow(ActionTime time, ZoneId fallback, LocalTime start, LocalTime end) {
        return !LocalHours.withinAll(time.at(), zones(time, fallback), new LocalTimeWindow(end, start));
    }

    /** True when the moment lies outside the allowed daily hours {@code [from, to)} in at least one zone. */
    public static boolean outsideHours(ActionTime time, ZoneId fallback, LocalTime from, LocalTime to) {
        return !LocalHours.withinAll(time.at(), zones(time, fallback), new LocalTimeWindow(from, to));
    }

    /**
     * The first moment at or after the action's moment that lies outside the quiet window in every
     * zone (the window's end), within the action time's look-ahead; null if none.
     */
    public static Instant quietWindowEnds(ActionTime time, ZoneId fallback, LocalTime start, LocalTime end) {
        return LocalHours.nextWithinAll(time.at(), zones(time, fallback), new LocalTimeWindow(end, start),
                time.searchUntil());
    }

    /** The first moment at or after the action's moment inside {@code [from, to)} in every zone; null if none. */
    public static Instant nextWithinHours(ActionTime time, ZoneId fallback, LocalTime from, LocalTime to) {
        return LocalHours.nextWithinAll(time.at(), zones(time, fallback), new LocalTimeWindow(from, to),
                time.searchUntil());
    }

    /**
     * True when the debtor gave a {@code CONTACT_TIME} consent, valid at the moment and for
     * {@code channel} (a consent naming no channel covers all), whose hours contain the moment in
     * every zone.
     */
    public static boolean consentCovers(Debtor debtor, ActionTime time, ZoneId fallback, Channel channel) {
        List<ZoneId> zones = zones(time, fallback);
        for (Consent consent : debtor.consentsOf(ConsentKind.CONTACT_TIME)) {
            if (consent.validAt(time.at()) && (consent.channel() == null || consent.channel() == channel)
                    && LocalHours.withinAll(time.at(), zones, consent.window())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Like {@link #consentCovers(Debtor, ActionTime, ZoneId, Channel)} for {@code action}'s channel,
     * and a consent that names a contact point ({@code contactPointId}) covers only contacts through
     * that number or address: "call my office line at 23:00" does not open the night for the mobile,
     * nor for a visit (which has no contact point, or another one).
     */
    public static boolean consentCovers(Debtor debtor, ActionTime time, ZoneId fallback, ProposedAction action) {
        List<ZoneId> zones = zones(time, fallback);
        for (Consent consent : debtor.consentsOf(ConsentKind.CONTACT_TIME)) {
            if (consent.validAt(time.at()) && (consent.channel() == null || consent.channel() == action.channel())
                    && (consent.contactPointId() == null || (action.contactPoint() != null
                            && consent.contactPointId().equals(action.contactPoint().id())))
                    && LocalHours.withinAll(time.at(), zones, consent.window())) {
                return true;
            }
        }
        return false;
    }
}
