package org.contactguard.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.contactguard.core.calendar.HolidayCalendar;

/**
 * The other forms of one loaded {@link RuleSet}: its tenants' overlays and its effective-dated
 * periods. Each variant is a complete rule set that shares the pack's compiled KieBases and differs
 * in parameter values, in which rules are in force and (for a tenant) in which advisories deny.
 *
 * <p>A rule set with no tenant and no date has {@link #NONE}, so choosing the variant for a request
 * costs one comparison.
 */
final class Variants {

    /** No tenants, no dated rules or values: the rule set is the only form. */
    static final Variants NONE = new Variants(true, Map.of(), new Instant[0], List.of(), null, null, Map.of(), Map.of(),
            Map.of(), Map.of());

    /** Whether this is a loaded rule set's own (which a request's tenant selects from), not a tenant's or a period's. */
    private final boolean top;

    private final Map<String, RuleSet> tenants;
    /** The moments at which rules or values change, ascending; {@code periods.get(i)} is in force from {@code changes[i - 1]}. */
    private final Instant[] changes;
    private final List<RuleSet> periods;
    private final Instant validFrom;
    private final Instant validUntil;
    private final Map<String, EffectivePeriod> ruleDates;
    /** Each pack's {@code pack.zone}, by pack id (packs that declare none are absent). */
    private final Map<String, java.time.ZoneId> zones;
    /** No tenant and no period: a request's variant is the rule set itself, found without a lookup. */
    private final boolean trivial;
    /** The moments each pack's rules or values change, ascending, by pack id (packs with none are absent). */
    private final Map<String, Instant[]> packChanges;
    /** Each pack's {@code pack.calendars}, by pack id (packs that declare none are absent). */
    private final Map<String, List<HolidayCalendar>> calendars;

    private Variants(boolean top, Map<String, RuleSet> tenants, Instant[] changes, List<RuleSet> periods, Instant validFrom,
            Instant validUntil, Map<String, EffectivePeriod> ruleDates, Map<String, java.time.ZoneId> zones,
            Map<String, Instant[]> packChanges, Map<String, List<HolidayCalendar>> calendars) {
        this.zones = Map.copyOf(zones);
        this.calendars = Map.copyOf(calendars);
        // Shared by every variant of one load, built once by the compiler; the arrays are never written.
        this.packChanges = Map.copyOf(packChanges);
        this.trivial = tenants.isEmpty() && periods.isEmpty();
        this.top = top;
        this.tenants = Map.copyOf(tenants);
        this.changes = changes.clone();
        this.periods = List.copyOf(periods);
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.ruleDates = Map.copyOf(ruleDates);
        if (!this.periods.isEmpty() && this.periods.size() != this.changes.length + 1) {
            throw new IllegalArgumentException(this.periods.size() + " periods for " + this.changes.length + " changes");
        }
    }

    /**
     * The variants of a loaded rule set.
     *
     * @param tenants each tenant's rule set, by tenant name
     * @param changes the moments rules or values change, ascending (empty: no dates)
     * @param periods one rule set per period: before the first change, then from each change
     * @param ruleDates every dated rule's period, by rule id
     */
    static Variants of(Map<String, RuleSet> tenants, List<Instant> changes, List<RuleSet> periods,
            Map<String, EffectivePeriod> ruleDates, Map<String, java.time.ZoneId> zones,
            Map<String, Instant[]> packChanges, Map<String, List<HolidayCalendar>> calendars) {
        if (tenants.isEmpty() && changes.isEmpty() && ruleDates.isEmpty() && zones.isEmpty()) {
            return NONE;
        }
        return new Variants(true, tenants, changes.toArray(new Instant[0]), periods, null, null, ruleDates, zones,
                packChanges, calendars);
    }

    /** A tenant's rule set: its periods (none when nothing is dated); the request's tenant is already chosen. */
    static Variants ofTenant(List<Instant> changes, List<RuleSet> periods, Map<String, EffectivePeriod> ruleDates,
            Map<String, java.time.ZoneId> zones, Map<String, Instant[]> packChanges,
            Map<String, List<HolidayCalendar>> calendars) {
        return new Variants(false, Map.of(), changes.toArray(new Instant[0]), periods, null, null, ruleDates, zones,
                packChanges, calendars);
    }

    /** What a period's own rule set knows of itself: when it starts and ends (null: open). */
    static Variants period(Instant validFrom, Instant validUntil, Map<String, EffectivePeriod> ruleDates,
            Map<String, java.time.ZoneId> zones, Map<String, Instant[]> packChanges,
            Map<String, List<HolidayCalendar>> calendars) {
        return new Variants(false, Map.of(), new Instant[0], List.of(), validFrom, validUntil, ruleDates, zones,
                packChanges, calendars);
    }

    /** Whether the rule set is its own only variant for every request without a tenant. */
    boolean isNone() {
        return trivial;
    }

    java.time.ZoneId zone(String pack) {
        return zones.get(pack);
    }

    /** The holiday calendars {@code pack} declares ({@code pack.calendars}); empty when none. */
    List<HolidayCalendar> calendars(String pack) {
        return calendars.getOrDefault(pack, List.of());
    }

    /** Whether a request's tenant is chosen here (a loaded rule set's own variants), rather than already chosen. */
    boolean choosesTenant() {
        return top;
    }

    /** The tenant's rule set, or null when there is no such tenant. */
    RuleSet tenant(String name) {
        return tenants.get(name);
    }

    Set<String> tenantNames() {
        return new java.util.TreeSet<>(tenants.keySet());
    }

    /** The period's rule set in force at {@code at}, or {@code self} when nothing is dated. */
    RuleSet inForceAt(RuleSet self, Instant at) {
        if (periods.isEmpty()) {
            return self;
        }
        int index = Arrays.binarySearch(changes, at);
        // A change at exactly 'at' is in force from that moment: the period after it.
        int period = index >= 0 ? index + 1 : -index - 1;
        return periods.get(period);
    }

    List<Instant> changes() {
        return List.of(changes);
    }

    Instant validFrom() {
        return validFrom;
    }

    Instant validUntil() {
        return validUntil;
    }

    /** The first moment after {@code at} at which a rule or value of one of {@code packIds} changes, or null. */
    Instant nextChange(java.util.Collection<String> packIds, Instant at) {
        Instant next = null;
        for (String pack : packIds) {
            Instant[] moments = packChanges.get(pack);
            if (moments == null) {
                continue;
            }
            int index = Arrays.binarySearch(moments, at);
            int after = index >= 0 ? index + 1 : -index - 1;
            if (after < moments.length && (next == null || moments[after].isBefore(next))) {
                next = moments[after];
            }
        }
        return next;
    }

    EffectivePeriod ruleDates(String ruleId) {
        return ruleDates.get(ruleId);
    }

    /** The longest window any variant counts (it decides how much history a ledger loads). */
    Duration longestWindow(Duration own) {
        Duration longest = own;
        for (RuleSet variant : periods) {
            longest = max(longest, variant.longestWindow());
        }
        for (RuleSet variant : new TreeMap<>(tenants).values()) {
            longest = max(longest, variant.longestWindow());
        }
        return longest;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
