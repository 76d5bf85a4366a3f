package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.LocalTimeWindow;

/**
 * The proposed moment as the debtor may experience it: one fact per decision so that hour rules
 * compare against parameters instead of doing zone arithmetic in DRL.
 *
 * @param at the proposed moment ({@code action.at})
 * @param zones the debtor's possible zones, in the request's order; empty when unknown
 * @param searchUntil how far {@link #nextWithinEveryZone} looks ahead: the engine's look-ahead
 *     limit, so a common window that opens late (zones far apart, a clock change) is still found
 */
public record ActionTime(Instant at, List<ZoneId> zones, Instant searchUntil) {

    public ActionTime {
        Objects.requireNonNull(at, "at");
        zones = List.copyOf(zones);
        Objects.requireNonNull(searchUntil, "searchUntil");
    }

    /** The moment seen from {@code zones}, searching {@link LocalHours#SEARCH_HORIZON} ahead. */
    public ActionTime(Instant at, List<ZoneId> zones) {
        this(at, zones, Objects.requireNonNull(at, "at").plus(LocalHours.SEARCH_HORIZON));
    }

    /** True when at least one zone is known. */
    public boolean isZoneKnown() {
        return !zones.isEmpty();
    }

    /** True when the moment lies in {@code [from, to)} in every zone. */
    public boolean withinEveryZone(LocalTime from, LocalTime to) {
        return LocalHours.withinAll(at, zones, new LocalTimeWindow(from, to));
    }

    /** True when the zone is known and the moment lies outside {@code [from, to)} in at least one zone. */
    public boolean outsideAnyZone(LocalTime from, LocalTime to) {
        return isZoneKnown() && !withinEveryZone(from, to);
    }

    /**
     * True when the zone is known and the moment lies inside {@code [from, to)} (which may wrap
     * midnight) in at least one zone: a window the debtor called inconvenient is hit in any zone.
     */
    public boolean insideAnyZone(LocalTime from, LocalTime to) {
        return outsideAnyZone(to, from);
    }

    /** The earliest moment in {@code [at, searchUntil]} inside {@code [from, to)} in every zone; null if none. */
    public Instant nextWithinEveryZone(LocalTime from, LocalTime to) {
        return LocalHours.nextWithinAll(at, zones, new LocalTimeWindow(from, to), searchUntil);
    }

    /**
     * Like {@link #outsideAnyZone(LocalTime, LocalTime)}, reading the hours in {@code whenUnknown}
     * when the debtor's zones are unknown (a pack whose jurisdiction has one civil time, such as
     * China's Asia/Shanghai, does not treat an unknown zone as unusable).
     */
    public boolean outsideAnyZone(LocalTime from, LocalTime to, ZoneId whenUnknown) {
        return !withinEveryZone(from, to, whenUnknown);
    }

    /**
     * True when the moment lies in {@code [from, to)} (which may wrap midnight) in at least one of
     * the debtor's zones, or in {@code whenUnknown} when none is known.
     */
    public boolean insideAnyZone(LocalTime from, LocalTime to, ZoneId whenUnknown) {
        // In [from, to) somewhere is outside the complementary window [to, from) somewhere.
        return !withinEveryZone(to, from, whenUnknown);
    }

    /** True when the moment lies in {@code [from, to)} in every zone, or in {@code whenUnknown} when none is known. */
    public boolean withinEveryZone(LocalTime from, LocalTime to, ZoneId whenUnknown) {
        return LocalHours.withinAll(at, zonesOr(whenUnknown), new LocalTimeWindow(from, to));
    }

    /**
     * The earliest moment in {@code [at, searchUntil]} inside {@code [from, to)} in every zone, or in
     * {@code whenUnknown} when none is known; null if none.
     */
    public Instant nextWithinEveryZone(LocalTime from, LocalTime to, ZoneId whenUnknown) {
        return LocalHours.nextWithinAll(at, zonesOr(whenUnknown), new LocalTimeWindow(from, to), searchUntil);
    }

    /** The start (local midnight) of the date after the moment's date in {@code zone}: when a daily count resets. */
    public Instant nextDayStart(ZoneId zone) {
        return CalendarDays.leavesWindowAt(at, zone, 1);
    }

    private List<ZoneId> zonesOr(ZoneId whenUnknown) {
        return zones.isEmpty() ? List.of(Objects.requireNonNull(whenUnknown, "whenUnknown")) : zones;
    }

    /** The local date of the moment in the first listed zone (the zone the packs count days in). */
    public LocalDate localDate() {
        if (zones.isEmpty()) {
            throw new IllegalStateException("no zone known");
        }
        return at.atZone(zones.get(0)).toLocalDate();
    }
}
