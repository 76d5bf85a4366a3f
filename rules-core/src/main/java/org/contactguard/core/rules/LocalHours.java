package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.contactguard.core.model.LocalTimeWindow;

/**
 * Local-time arithmetic over several zones: whether a moment falls inside a daily window in every
 * zone, and the first moment at or after it that does.
 *
 * <p>Everything is computed from instants, so daylight-saving transitions need no special case:
 * a window start that falls in a spring-forward gap resolves to the first instant after the gap,
 * and the repeated hour in autumn is simply two different instants.
 */
public final class LocalHours {

    /** How far ahead {@link #nextWithinAll} searches before concluding the zones never agree. */
    public static final Duration SEARCH_HORIZON = Duration.ofDays(8);

    private LocalHours() {
    }

    /** True when {@code moment}, read in {@code zone}, lies in {@code window}. */
    public static boolean within(Instant moment, ZoneId zone, LocalTimeWindow window) {
        return window.contains(moment.atZone(zone).toLocalTime());
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
        if (zones.isEmpty()) {
            return null;
        }
        Instant limit = from.plus(SEARCH_HORIZON);
        Instant candidate = from;
        while (!candidate.isAfter(limit)) {
            ZoneId outside = firstZoneOutside(candidate, zones, window);
            if (outside == null) {
                return candidate;
            }
            // The window's next start in that zone is a lower bound for any moment all zones
            // accept, so jumping there never skips the answer.
            candidate = nextStart(candidate, outside, window);
        }
        return null;
    }

    /** The first instant after {@code moment} at which the local time in {@code zone} enters {@code window}. */
    static Instant nextStart(Instant moment, ZoneId zone, LocalTimeWindow window) {
        ZonedDateTime local = moment.atZone(zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        Instant sameDay = ZonedDateTime.of(date, window.from(), zone).toInstant();
        if (time.isBefore(window.from()) && sameDay.isAfter(moment)) {
            return sameDay;
        }
        Instant next = ZonedDateTime.of(date.plusDays(1), window.from(), zone).toInstant();
        // A gap can push the resolved start past a whole day only in zones that skip a date
        // (Pacific/Apia 2011); step on until we are strictly ahead of the moment.
        while (!next.isAfter(moment)) {
            date = date.plusDays(1);
            next = ZonedDateTime.of(date.plusDays(1), window.from(), zone).toInstant();
        }
        return next;
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
