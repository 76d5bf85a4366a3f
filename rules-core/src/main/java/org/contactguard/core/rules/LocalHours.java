package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.contactguard.core.model.LocalTimeWindow;

/**
 * Local-time arithmetic over several zones: whether a moment falls inside a daily window in every
 * zone, and the first moment at or after it that does.
 *
 * <p>Everything is computed from instants: a window start that falls in a spring-forward gap
 * opens at the first instant after the gap, and a start inside the repeated autumn hour happens
 * twice, once at each offset.
 */
public final class LocalHours {

    /** How far ahead {@link #nextWithinAll(Instant, List, LocalTimeWindow)} searches by default. */
    public static final Duration SEARCH_HORIZON = Duration.ofDays(8);

    private LocalHours() {
    }

    /** True when {@code moment}, read in {@code zone}, lies in {@code window}. */
    public static boolean within(Instant moment, ZoneId zone, LocalTimeWindow window) {
        return window.contains(CalendarDays.localTime(moment, zone));
    }

    /** True when {@code moment} lies in {@code window} in every zone of {@code zones} (and zones is not empty). */
    public static boolean withinAll(Instant moment, List<ZoneId> zones, LocalTimeWindow window) {
        if (zones.isEmpty()) {
            return false;
        }
        for (ZoneId zone : zones) {
            if (!within(moment, zone, window)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The earliest instant at or after {@code from} that lies in {@code window} in every zone, or
     * null when there is none within {@link #SEARCH_HORIZON} (zones whose windows never overlap)
     * or no zone is given.
     */
    public static Instant nextWithinAll(Instant from, List<ZoneId> zones, LocalTimeWindow window) {
        return nextWithinAll(from, zones, window, from.plus(SEARCH_HORIZON));
    }

    /**
     * The earliest instant in {@code [from, until]} that lies in {@code window} in every zone, or
     * null when there is none (zones whose windows do not overlap before {@code until}) or no
     * zone is given.
     */
    public static Instant nextWithinAll(Instant from, List<ZoneId> zones, LocalTimeWindow window, Instant until) {
        if (zones.isEmpty()) {
            return null;
        }
        Instant limit = until;
        Instant candidate = from;
        while (!candidate.isAfter(limit)) {
            ZoneId outside = firstZoneOutside(candidate, zones, window);
            if (outside == null) {
                return candidate;
            }
            // The window's next start in that zone is a lower bound for any moment all zones
            // accept, so jumping there never skips the answer.
            candidate = nextStart(candidate, outside, window);
            if (candidate == null) {
                return null;
            }
        }
        return null;
    }

    /**
     * The first instant after {@code moment} at which the local time in {@code zone} enters
     * {@code window}, or null if none within a few days (never for real zones).
     *
     * <p>The local time enters the window either by reaching {@code from} (once a day, twice in a
     * repeated autumn hour, never in a spring-forward gap) or by a clock change that jumps into
     * the window (the end of a gap that swallowed {@code from}). Both kinds of entry are listed
     * and the earliest one after {@code moment} wins.
     */
    static Instant nextStart(Instant moment, ZoneId zone, LocalTimeWindow window) {
        ZoneRules rules = zone.getRules();
        LocalDate date = moment.atZone(zone).toLocalDate();
        Instant best = null;
        for (int day = -1; day <= 2; day++) {
            LocalDateTime start = LocalDateTime.of(date.plusDays(day), window.from());
            for (ZoneOffset offset : rules.getValidOffsets(start)) {
                best = earlierAfter(best, start.toInstant(offset), moment);
            }
        }
        Instant horizon = moment.plus(Duration.ofDays(3));
        for (ZoneOffsetTransition change = rules.nextTransition(moment);
                change != null && change.getInstant().isBefore(horizon);
                change = rules.nextTransition(change.getInstant())) {
            if (window.contains(change.getDateTimeAfter().toLocalTime())) {
                best = earlierAfter(best, change.getInstant(), moment);
            }
        }
        return best;
    }

    private static Instant earlierAfter(Instant best, Instant candidate, Instant moment) {
        return candidate.isAfter(moment) && (best == null || candidate.isBefore(best)) ? candidate : best;
    }

    private static ZoneId firstZoneOutside(Instant moment, List<ZoneId> zones, LocalTimeWindow window) {
        for (ZoneId zone : zones) {
            if (!within(moment, zone, window)) {
                return zone;
            }
        }
        return null;
    }
}
