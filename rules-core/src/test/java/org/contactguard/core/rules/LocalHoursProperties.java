package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.contactguard.core.model.LocalTimeWindow;

/**
 * {@link LocalHours} against the plainest possible reading: step through the minutes and take the first one
 * inside the window in every zone. Cases crowd around clock changes, with window starts in or next to the
 * skipped or repeated hour, where arithmetic on local times goes wrong.
 */
class LocalHoursProperties {

    /** Zones whose clocks change at different local hours, by an hour or (Lord Howe) half an hour. */
    static final List<ZoneId> ZONES_WITH_CLOCK_CHANGES = List.of(ZoneId.of("America/New_York"),
            ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"),
            ZoneId.of("Asia/Beirut"), ZoneId.of("America/Havana"), ZoneId.of("Asia/Shanghai"));
    static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 300)
    void nextMomentWithinHoursIsTheFirstMinuteAScanFinds(@ForAll("casesAroundClockChanges") Case c) {
        assertEquals(firstMinuteWithinAll(c.from(), c.zones(), c.window()),
                LocalHours.nextWithinAll(c.from(), c.zones(), c.window()), c::toString);
    }

    @Property(tries = 300)
    void withinAllMeansTheLocalTimeIsInTheWindowInEveryZone(@ForAll("casesAroundClockChanges") Case c) {
        boolean expected = c.zones().stream().allMatch(z -> inWindow(c.from().atZone(z).toLocalTime(), c.window()));
        assertEquals(expected, LocalHours.withinAll(c.from(), c.zones(), c.window()), c::toString);
    }

    @Provide
    Arbitrary<Case> casesAroundClockChanges() {
        Arbitrary<List<ZoneId>> zones = Arbitraries.of(ZONES_WITH_CLOCK_CHANGES).list().uniqueElements()
                .ofMinSize(1).ofMaxSize(2);
        Arbitrary<Long> minuteOfYear = Arbitraries.longs().between(0, Duration.ofDays(365).toMinutes());
        Arbitrary<Long> minutesFromChange = Arbitraries.longs().between(-36 * 60, 36 * 60);
        Arbitrary<Integer> quarterHours = Arbitraries.integers().between(0, 95);
        // Window start: any quarter hour, or within an hour either side of the local time of the change.
        Arbitrary<Integer> startShift = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Integer.MIN_VALUE)),
                Tuple.of(3, Arbitraries.integers().between(-4, 4)));
        return Combinators.combine(zones, minuteOfYear, minutesFromChange, quarterHours, quarterHours, startShift)
                .as((zs, minute, fromChange, fromQuarter, toQuarter, shift) -> {
                    ZoneOffsetTransition change = zs.get(0).getRules()
                            .nextTransition(YEAR_START.plus(Duration.ofMinutes(minute)));
                    Instant changeAt = change == null ? YEAR_START : change.getInstant();
                    LocalTime from = shift == Integer.MIN_VALUE || change == null
                            ? LocalTime.MIDNIGHT.plusMinutes(15L * fromQuarter)
                            : change.getDateTimeBefore().toLocalTime().plusMinutes(15L * shift);
                    LocalTime to = LocalTime.MIDNIGHT.plusMinutes(15L * toQuarter);
                    if (to.equals(from)) {
                        to = to.plusMinutes(15);
                    }
                    return new Case(new ArrayList<>(zs), new LocalTimeWindow(from, to),
                            changeAt.plus(Duration.ofMinutes(fromChange)));
                });
    }

    /** The first whole minute at or after {@code from} (itself on a whole minute) within the window everywhere. */
    static Instant firstMinuteWithinAll(Instant from, List<ZoneId> zones, LocalTimeWindow window) {
        Instant limit = from.plus(LocalHours.SEARCH_HORIZON);
        for (Instant m = from; !m.isAfter(limit); m = m.plusSeconds(60)) {
            Instant moment = m;
            if (zones.stream().allMatch(z -> inWindow(moment.atZone(z).toLocalTime(), window))) {
                return m;
            }
        }
        return null;
    }

    static boolean inWindow(LocalTime t, LocalTimeWindow w) {
        return w.from().isBefore(w.to()) ? !t.isBefore(w.from()) && t.isBefore(w.to())
                : !t.isBefore(w.from()) || t.isBefore(w.to());
    }

    /** Zones (the first one's clock change sets the scene), a daily window, and where the search starts. */
    record Case(List<ZoneId> zones, LocalTimeWindow window, Instant from) {
    }
}
