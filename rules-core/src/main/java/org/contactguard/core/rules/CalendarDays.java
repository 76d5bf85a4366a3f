package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows of whole calendar dates in one zone, the way Regulation F reads "seven consecutive days":
 * the proposed action's local date and the {@code days - 1} dates before it. A contact dated
 * {@code d} leaves such a window at the start of date {@code d + days}, local midnight, whatever
 * the hour it happened at. Midnight is taken from the zone's rules, so a date that starts in a
 * clock change still starts at the right instant.
 */
public final class CalendarDays {

    private static final long SECONDS_PER_DAY = 86_400;
    /** The largest offset from UTC a zone can have, in seconds ({@link ZoneOffset#MAX}). */
    private static final long MAX_OFFSET_SECONDS = ZoneOffset.MAX.getTotalSeconds();

    private CalendarDays() {
    }

    /** The zone the packs count dates in: the first of the debtor's zones, UTC when none is known. */
    public static ZoneId countingZone(List<ZoneId> zones) {
        return zones.isEmpty() ? ZoneOffset.UTC : zones.get(0);
    }

    /**
     * Whether {@code moment} lies before {@code now} on one of the {@code days} local dates that end
     * with {@code now}'s date.
     */
    public static boolean inWindow(Instant moment, Instant now, ZoneId zone, int days) {
        if (days <= 0 || !moment.isBefore(now)) {
            return false;
        }
        // Epoch days of the local dates, as atZone(zone).toLocalDate() computes them, without
        // allocating a ZonedDateTime, LocalDateTime and LocalDate per call (rules call this per contact).
        long today = localEpochDay(now, zone);
        long date = localEpochDay(moment, zone);
        return date >= today - (days - 1L) && date <= today;
    }

    /**
     * {@link #inWindow}{@code (moment, now, zone, days)} for many moments: the window's dates are
     * computed once, and the zone's offset is reused between the transitions around the last moment
     * asked ({@link LocalDates}), so that a moment costs a few comparisons instead of a lookup in
     * the zone's rules (which boxes the year and searches a map on every call).
     * One window per loop; not for sharing between threads.
     */
    static DateWindow window(Instant now, ZoneId zone, int days) {
        return new DateWindow(now, zone, days);
    }

    /** See {@link #window}. */
    static final class DateWindow {
        private final Instant now;
        private final LocalDates dates;
        private final int days;
        private final long first;
        private final long last;

        private DateWindow(Instant now, ZoneId zone, int days) {
            this.now = now;
            this.dates = new LocalDates(zone);
            this.days = days;
            this.last = dates.epochDay(now);
            this.first = last - (days - 1L);
        }

        /**
         * An instant before every instant the window {@linkplain #contains contains}: local dates
         * start at most 18 hours (the largest offset) before the same date starts in UTC.
         */
        Instant before() {
            long second = Math.multiplyExact(first, SECONDS_PER_DAY) - MAX_OFFSET_SECONDS - 1;
            return second < Instant.MIN.getEpochSecond() ? Instant.MIN : Instant.ofEpochSecond(second);
        }

        /** {@link CalendarDays#inWindow}{@code (moment, now, zone, days)}. */
        boolean contains(Instant moment) {
            if (days <= 0 || !moment.isBefore(now)) {
                return false;
            }
            long date = dates.epochDay(moment);
            return date >= first && date <= last;
        }
    }

    /**
     * {@link #localEpochDay} for many instants in one zone: the zone's offset is kept for the span
     * between the transitions around the last instant asked, in whatever order instants come, so an
     * instant costs two comparisons instead of a look-up in the zone's rules (which boxes the year
     * and searches a map). One loop's; not for sharing between threads.
     */
    static LocalDates dates(ZoneId zone) {
        return new LocalDates(zone);
    }

    /** See {@link #dates}. */
    static final class LocalDates {
        private final ZoneRules rules;
        /** Epoch seconds [from, until) in which {@link #offset} holds; empty at first. */
        private long from = Long.MAX_VALUE;
        private long until = Long.MIN_VALUE;
        private int offset;

        private LocalDates(ZoneId zone) {
            this.rules = zone.getRules();
        }

        /** {@link CalendarDays#localEpochDay}{@code (instant, zone)}. */
        long epochDay(Instant instant) {
            long second = instant.getEpochSecond();
            if (second < from || second >= until) {
                // getOffset reads only the epoch second; it holds until the first transition after it
                // and since the last one at or before it.
                offset = rules.getOffset(instant).getTotalSeconds();
                ZoneOffsetTransition next = rules.nextTransition(instant);
                until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
                ZoneOffsetTransition previous = rules.previousTransition(instant);
                from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
                if (from > Long.MIN_VALUE && rules.getOffset(Instant.ofEpochSecond(from)).getTotalSeconds() != offset) {
                    // The instant is a transition's own second, which previousTransition passes over.
                    from = second;
                }
            }
            return Math.floorDiv(second + offset, SECONDS_PER_DAY);
        }
    }

    /** {@code instant.atZone(zone).toLocalDate().toEpochDay()}. */
    static long localEpochDay(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone instanceof ZoneOffset fixed ? fixed : zone.getRules().getOffset(instant);
        return Math.floorDiv(instant.getEpochSecond() + offset.getTotalSeconds(), SECONDS_PER_DAY);
    }

    /**
     * {@code instant.atZone(zone).toLocalTime()}, computed the same way (the zone's offset at that
     * instant, then the second of the local day) without the ZonedDateTime, LocalDateTime and
     * LocalDate in between.
     */
    static LocalTime localTime(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone instanceof ZoneOffset fixed ? fixed : zone.getRules().getOffset(instant);
        long secondOfDay = Math.floorMod(instant.getEpochSecond() + offset.getTotalSeconds(), SECONDS_PER_DAY);
        return LocalTime.ofNanoOfDay(secondOfDay * 1_000_000_000L + instant.getNano());
    }

    /** The start (local midnight) of the date {@code days} after {@code moment}'s date: when it leaves the window. */
    public static Instant leavesWindowAt(Instant moment, ZoneId zone, int days) {
        return moment.atZone(zone).toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
    }

    /**
     * The earliest moment at which fewer than {@code cap} of {@code moments} (all inside the window
     * ending at {@code now}) remain in a {@code days}-date window, nothing else happening meanwhile;
     * {@code now} when that is already so; null when {@code cap} is 0 or less.
     */
    public static Instant reopensAt(List<Instant> moments, Instant now, ZoneId zone, int days, int cap) {
        if (cap <= 0) {
            return null;
        }
        if (moments.size() < cap) {
            return now;
        }
        List<Instant> sorted = new ArrayList<>(moments);
        sorted.sort(null);
        // Once the oldest (size - cap + 1) have left, fewer than cap remain; the last of them
        // leaves at the start of the date `days` after its own.
        return leavesWindowAt(sorted.get(sorted.size() - cap), zone, days);
    }
}
